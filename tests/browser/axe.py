"""axe-core in the page under test: the vendored axe.min.js (tests/browser/vendor/axe-core),
injected and run with the WCAG 2.1 A/AA rules plus best practice."""

from __future__ import annotations

from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


# Not an axe rule: ARIA's landmark guidance that where a page has more than one navigation
# region, each is named (the navbar beside the overview's own links).
UNNAMED_NAVIGATION = """
    const navs = document.querySelectorAll('nav, [role="navigation"]');
    return navs.length < 2 ? [] : Array.from(navs)
        .filter(n => !(n.getAttribute('aria-label') || n.getAttribute('aria-labelledby')))
        .map(n => n.id ? '#' + n.id : n.outerHTML.slice(0, 60));
"""


def violations(driver) -> list[dict]:
    """Every axe violation on the current page, as {id, impact, help, nodes: [targets]}, and
    any navigation region left unnamed beside another."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    found = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
          .then(r => done(r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
        """,
        RULE_TAGS,
    )
    unnamed = driver.execute_script(UNNAMED_NAVIGATION)
    if unnamed:
        help_text = "A page's navigation regions must each have a name"
        found.append(
            {"id": "navigation-named", "impact": "moderate", "help": help_text, "nodes": unnamed}
        )
    return found


def describe(found: list[dict]) -> str:
    """Violations as readable lines for an assertion message."""
    return "\n".join(
        f"{v['impact']}: {v['id']} ({v['help']}) at {', '.join(v['nodes'][:4])}" for v in found
    )
