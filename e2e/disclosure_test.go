package e2e

import "strings"

// disclosureMarkers lists every visible <summary> on the page that shows
// no arrow: neither the browser's own marker (display: list-item with a
// list style) nor a drawn ::before (content and a size, with a border or
// text to see). A rule that removes the marker without a replacement
// makes a disclosure look like a heading or an empty card.
const disclosureMarkers = `(() => {
	const bad = [];
	for (const s of document.querySelectorAll("details > summary")) {
		if (!s.offsetParent && getComputedStyle(s).position !== "fixed") continue;
		const cs = getComputedStyle(s);
		const native = cs.display === "list-item" && cs.listStyleType !== "none";
		const b = getComputedStyle(s, "::before");
		const drawn = b.content !== "none" && b.content !== "normal" && b.display !== "none" && b.visibility !== "hidden" &&
			(b.content !== '""' || (parseFloat(b.width) > 0 && parseFloat(b.height) > 0 &&
				(parseFloat(b.borderRightWidth) > 0 || parseFloat(b.borderBottomWidth) > 0 || b.backgroundImage !== "none")));
		const name = s.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
		if (!native && !drawn) bad.push(name);
	}
	return bad;
})()`

// requireDisclosureMarkers fails the test (without stopping it) for every
// disclosure on the page that shows no arrow. Audit runs it on every page
// it audits, so every journey checks the disclosures it meets.
func (b *Browser) requireDisclosureMarkers(where string) {
	b.t.Helper()
	if bad := eval[[]string](b, disclosureMarkers); len(bad) > 0 {
		b.t.Errorf("%s: %d disclosure(s) without a visible arrow:\n  %s", where, len(bad), strings.Join(bad, "\n  "))
	}
}
