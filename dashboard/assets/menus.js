// The Download menus (dashboard/export/menu.py) are <details>: the browser opens and closes them
// on a click, Enter or Space. This closes them as a dropdown menu closes: on a choice, on a click
// elsewhere and on Escape (which puts the focus back on the menu's button).
(function () {
  var MENU = "details.export-menu";

  function closeAll(except) {
    document.querySelectorAll(MENU + "[open]").forEach(function (menu) {
      if (menu !== except) {
        menu.open = false;
      }
    });
  }

  document.addEventListener("click", function (event) {
    var menu = event.target.closest && event.target.closest(MENU);
    closeAll(menu);
    if (menu && event.target.closest(".dropdown-item")) {
      menu.open = false; // a download leaves the page where it is: the menu should not stay
    }
  });
  document.addEventListener("keydown", function (event) {
    var menu = event.key === "Escape" && event.target.closest && event.target.closest(MENU);
    if (menu && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
