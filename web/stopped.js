// Should the Go program stop (a fatal error such as a stack overflow ends
// it, and no recover can catch that), the page says so and offers a reload
// instead of lying dead. Loaded deferred after go-app's app.js, before the
// wasm arrives: it wraps Go.prototype.run, whose promise settles only when
// the program ends (go-app's never ends on its own).
(() => {
  if (typeof Go === "undefined") {
    return;
  }
  const run = Go.prototype.run;
  Go.prototype.run = function (instance) {
    const done = run.call(this, instance);
    Promise.resolve(done).then(() => stopped(), () => stopped());
    return done;
  };
  function stopped() {
    if (document.querySelector('[data-testid="stopped"]')) {
      return;
    }
    const box = document.createElement("div");
    box.className = "notice notice-error stopped";
    box.setAttribute("role", "alert");
    box.dataset.testid = "stopped";
    const p = document.createElement("p");
    p.textContent = "Sorry: Passline stopped because of an error, and the buttons on this page no longer work. Your saved data is safe on this device. Reload to start again; if the same thing stops it at start, Passline offers your saved data back.";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Reload";
    button.addEventListener("click", () => location.reload());
    box.append(p, button);
    document.body.prepend(box);
    button.focus();
  }
})();
