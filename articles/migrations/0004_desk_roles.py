"""The desk's roles. Writers write their own articles; editors run the desk.

What a role may do to a particular article (a writer's own drafts only, say)
is decided in articles/admin.py; these are the model permissions under it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BODY = ["byline", "richtext", "imageblock", "pullquote"]
EVERYTHING = ["add", "change", "delete", "view"]

ROLES = {
    "Writers": {
        "articles": [
            "add_article",
            "change_article",
            "view_article",
            *(f"{action}_{model}" for model in BODY for action in EVERYTHING),
            "view_section",
            "view_author",
            "view_tag",
            "add_tag",
        ],
        "media": ["add_image", "view_image"],
    },
    "Editors": {
        "articles": [
            *(
                f"{action}_{model}"
                for model in ["article", "section", "author", "tag", *BODY]
                for action in EVERYTHING
            ),
            "publish_article",
            # Corrections are added, never changed or deleted.
            "add_correction",
            "view_correction",
        ],
        "media": [f"{action}_image" for action in EVERYTHING],
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make ours now.
    for label in ("articles", "media"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in permissions.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_desk_workflow"),
        ("media", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
