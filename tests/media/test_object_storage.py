"""Uploads and their renditions can live in S3-compatible object storage."""

import os
import subprocess
import sys

import boto3
import pytest
from django.conf import settings
from moto import mock_aws

from tests.media.factories import ImageFactory, image_file

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-test"


@pytest.fixture
def bucket(settings):
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        settings.STORAGES = settings.STORAGES | {
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "us-east-1",
                    "access_key": "test-only",
                    "secret_key": "test-only",
                    "querystring_auth": False,
                    "file_overwrite": False,
                },
            }
        }
        yield s3


def test_uploads_and_renditions_are_written_to_the_bucket(bucket):
    image = ImageFactory(file=image_file(size=(900, 600), name="harbour.png"))

    keys = {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}

    assert image.file.name in keys
    assert {rendition["name"] for rendition in image.renditions} <= keys
    sources = image.sources("full")
    assert sources.fallback_url.startswith(f"https://{BUCKET}.s3.amazonaws.com/")
    stored = bucket.head_object(Bucket=BUCKET, Key=image.renditions[0]["name"])
    assert stored["ContentType"].startswith("image/")


def test_environment_switches_media_to_object_storage():
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")
    } | {
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_MEDIA_STORAGE": "s3",
        "DJANGO_S3_BUCKET": "paper-media",
        "DJANGO_S3_ENDPOINT_URL": "https://objects.example.org",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from newsroom import settings as s; "
            "print(s.STORAGES['default']['BACKEND'], "
            "s.STORAGES['default']['OPTIONS']['bucket_name'], "
            "s.STORAGES['default']['OPTIONS']['endpoint_url'])",
        ],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )

    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "paper-media",
        "https://objects.example.org",
    ]
