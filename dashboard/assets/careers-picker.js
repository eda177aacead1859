// The careers picker (dashboard/pages/careers.py): a fieldset of native checkboxes, the picks
// first, then the occupations whose title or SOC code holds what the reader typed. Native
// controls, so a screen reader names each one and the keyboard works as everywhere else (Dash's
// dropdown, open, had no name for its list or popup and nested a checkbox in each option).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  cma: Object.assign({}, (window.dash_clientside || {}).cma, {
    // [options, what the search found] for the search text, every occupation
    // ({options, max, shown}) and the picks.
    careersChoices: function (search, every, picked) {
      var all = (every && every.options) || [];
      var max = (every && every.max) || 0;
      var limit = (every && every.shown) || 0;
      var chosen = Array.isArray(picked) ? picked : [];
      var byValue = {};
      all.forEach(function (option) {
        byValue[option.value] = option;
      });
      var options = chosen.map(function (value) {
        return byValue[value] || { label: String(value), value: value };
      });
      var wanted = String(search || "").trim().toLowerCase();
      if (!wanted) {
        return [options, ""];
      }
      var found = all.filter(function (option) {
        return chosen.indexOf(option.value) < 0 && option.label.toLowerCase().indexOf(wanted) >= 0;
      });
      var full = max > 0 && chosen.length >= max;
      found.slice(0, limit).forEach(function (option) {
        options.push(full ? { label: option.label, value: option.value, disabled: true } : option);
      });
      var said;
      if (!found.length) {
        said = "No occupation matches \u201c" + wanted + "\u201d.";
      } else {
        said = found.length + (found.length === 1 ? " occupation matches" : " occupations match") +
          (found.length > limit ? "; the first " + limit + " are listed, type more to narrow." : ".");
      }
      if (full) {
        said += " Up to " + max + " can be compared: uncheck one to add another.";
      }
      return [options, said];
    },
  }),
});
