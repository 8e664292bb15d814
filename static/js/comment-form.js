// The article page is the same for every reader, and may come from a cache:
// its comment form carries no reader's CSRF token. When a reader starts to
// write, fetch their own tokens; a post without them is not lost, the server
// asks the reader to confirm it instead.
(() => {
  const form = document.getElementById("comment-form");
  if (!form || !form.dataset.tokenUrl) {
    return;
  }
  let tokens = null;

  const fetchTokens = () => {
    tokens ??= fetch(form.dataset.tokenUrl, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then((response) => (response.ok ? response.json() : Promise.reject()))
      .then(({ csrf, token }) => {
        const field = document.createElement("input");
        field.type = "hidden";
        field.name = "csrfmiddlewaretoken";
        field.value = csrf;
        form.prepend(field);
        form.elements.token.value = token;
      })
      .catch(() => {}); // Posted without them, the comment comes back to confirm.
    return tokens;
  };

  form.addEventListener("focusin", fetchTokens, { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    fetchTokens().then(() => form.submit());
  });
})();
