package auth

import "strings"

// This file is the confusables skeleton used by PseudonymKey.
//
// Source: a hand-curated subset of the Unicode Consortium's confusables.txt
// for UTS #39 "Unicode Security Mechanisms" (version 17.0.0), restricted to
// letters that imitate a basic Latin letter or digit on their own. It is
// written out by hand because no Go module for TR39 confusables can be
// fetched where Hearth is built, and because Hearth needs only the scripts a
// name may use (see allowedScripts).
//
// Coverage: Cyrillic, Greek, Armenian and Cherokee letters that look like
// Latin ones, Latin small capitals and a few other Latin-script look-alikes
// (dotless i, script g, Latin alpha and iota, the dental click that looks
// like l). Mathematical alphanumerics, full-width forms, ligatures, circled
// and superscript letters need no entries: NFKC turns them into plain
// letters before this table is consulted.
//
// Known limits:
//   - Keys are case-folded before the skeleton, so a letter whose capital and
//     small forms imitate different Latin letters can map to only one of
//     them. Greek ν (capital Ν looks like N) maps to v, η (Η looks like H)
//     to h, υ (Υ looks like Y) to u, Cyrillic н to h and Armenian տ to s.
//     An all-Greek "ΝΟΝΑ" therefore does not collide with "nona".
//   - Only single letters are covered, plus the two Latin pairs rn→m and
//     vv→w. Other pairs that can look alike in some fonts (cl and d, nn and
//     m) are left alone because they would merge too many honest names.
//   - Accents are kept: "josé" and "jose" are different names. So are
//     letters with strokes or hooks (ø, đ, ɦ).
//   - Scripts outside allowedScripts are refused before they reach the key,
//     so their look-alikes (Lisu, Coptic, Carian, Canadian syllabics ...)
//     are not listed. Scripts that are allowed but absent here (Arabic,
//     Hebrew, Georgian, the Indic scripts ...) have too few Latin look-alikes
//     to spell a Latin name on their own, and mixing them with Latin in one
//     name is refused.
//   - Beyond l/I/1/i and 0/O, digits are not merged with letters: "adm1n"
//     collides with "admin", but "5am" and "sam" stay different.
//
// Targets are lower-case ASCII because the key is case-folded; i, 1 and 0
// are then merged by skeletonRune.
var confusables = map[rune]rune{
	// Cyrillic, small forms (capitals fold to these first).
	'а': 'a', // U+0430 а
	'в': 'b', // U+0432 в; capital В looks like B
	'г': 'r', // U+0433 г
	'е': 'e', // U+0435 е
	'к': 'k', // U+043A к; capital К looks like K
	'м': 'm', // U+043C м; capital М looks like M
	'н': 'h', // U+043D н; capital Н looks like H
	'о': 'o', // U+043E о
	'р': 'p', // U+0440 р
	'с': 'c', // U+0441 с
	'т': 't', // U+0442 т; capital Т looks like T
	'у': 'y', // U+0443 у
	'х': 'x', // U+0445 х
	'ш': 'w', // U+0448 ш
	'ь': 'b', // U+044C ь; capital Ь looks like b
	'ѕ': 's', // U+0455 dze
	'і': 'i', // U+0456 Byelorussian-Ukrainian i
	'ј': 'j', // U+0458 je
	'ѡ': 'w', // U+0461 omega
	'ѵ': 'v', // U+0475 izhitsa
	'ү': 'y', // U+04AF straight u
	'һ': 'h', // U+04BB shha
	'ҽ': 'e', // U+04BD Abkhasian che
	'ӏ': 'l', // U+04CF palochka (capital U+04C0 folds here)
	'ԁ': 'd', // U+0501 Komi de
	'ԍ': 'g', // U+050D Komi sje; capital Ԍ looks like G
	'ԛ': 'q', // U+051B qa
	'ԝ': 'w', // U+051D we
	'ꙇ': 'i', // U+A647 iota

	// Greek, small forms.
	'α': 'a', // U+03B1 alpha
	'β': 'b', // U+03B2 beta; capital Β looks like B
	'γ': 'y', // U+03B3 gamma
	'ε': 'e', // U+03B5 epsilon; capital Ε looks like E
	'ζ': 'z', // U+03B6 zeta; capital Ζ looks like Z
	'η': 'h', // U+03B7 eta; capital Η looks like H
	'ι': 'i', // U+03B9 iota; capital Ι looks like l
	'κ': 'k', // U+03BA kappa
	'μ': 'm', // U+03BC mu; capital Μ looks like M
	'ν': 'v', // U+03BD nu
	'ο': 'o', // U+03BF omicron
	'ρ': 'p', // U+03C1 rho
	'σ': 'o', // U+03C3 sigma (final ς folds here)
	'τ': 't', // U+03C4 tau; capital Τ looks like T
	'υ': 'u', // U+03C5 upsilon
	'χ': 'x', // U+03C7 chi
	'ϝ': 'f', // U+03DD digamma; capital Ϝ looks like F
	'ϲ': 'c', // U+03F2 lunate sigma
	'ϳ': 'j', // U+03F3 yot
	'ϸ': 'p', // U+03F8 sho
	'ϻ': 'm', // U+03FB san; capital Ϻ looks like M
	'ᴦ': 'r', // U+1D26 small capital gamma

	// Armenian, small forms.
	'ա': 'w', // U+0561 ayb
	'գ': 'q', // U+0563 gim
	'զ': 'q', // U+0566 za
	'հ': 'h', // U+0570 ho
	'ո': 'n', // U+0578 vo
	'ռ': 'n', // U+057C ra
	'ս': 'u', // U+057D seh; capital Ս looks like U
	'տ': 's', // U+057F tiwn; capital Տ looks like S
	'ց': 'g', // U+0581 co
	'ւ': 'i', // U+0582 yiwn
	'ք': 'f', // U+0584 keh
	'օ': 'o', // U+0585 oh

	// Cherokee capitals; cherokeeCapital brings the small letters here.
	'Ꭰ': 'd', // U+13A0 a
	'Ꭱ': 'r', // U+13A1 e
	'Ꭲ': 't', // U+13A2 i
	'Ꭵ': 'i', // U+13A5 v
	'Ꭹ': 'y', // U+13A9 gi
	'Ꭺ': 'a', // U+13AA go
	'Ꭻ': 'j', // U+13AB gu
	'Ꭼ': 'e', // U+13AC gv
	'Ꮁ': 'r', // U+13B1 hu; its small form looks like r
	'Ꮃ': 'w', // U+13B3 la
	'Ꮇ': 'm', // U+13B7 lu
	'Ꮋ': 'h', // U+13BB mi
	'Ꮍ': 'y', // U+13BD mu
	'Ꮐ': 'g', // U+13C0 nah
	'Ꮒ': 'h', // U+13C2 ni
	'Ꮓ': 'z', // U+13C3 no
	'Ꮞ': '4', // U+13CE se
	'Ꮟ': 'b', // U+13CF si
	'Ꮢ': 'r', // U+13D2 sv
	'Ꮤ': 'w', // U+13D4 ta
	'Ꮥ': 's', // U+13D5 de
	'Ꮩ': 'v', // U+13D9 do
	'Ꮪ': 's', // U+13DA du
	'Ꮮ': 'l', // U+13DE tle
	'Ꮯ': 'c', // U+13DF tli
	'Ꮲ': 'p', // U+13E2 tlv
	'Ꮶ': 'k', // U+13E6 tso
	'Ꮷ': 'd', // U+13E7 tsu
	'Ᏻ': 'g', // U+13F3 yu
	'Ᏼ': 'b', // U+13F4 yv

	// Latin letters that NFKC leaves alone: small capitals and others.
	'ı': 'i', // U+0131 dotless i
	'ǀ': 'l', // U+01C0 dental click
	'ȷ': 'j', // U+0237 dotless j
	'ɑ': 'a', // U+0251 alpha
	'ɡ': 'g', // U+0261 script g
	'ɢ': 'g', // U+0262 small capital G
	'ɩ': 'i', // U+0269 iota
	'ɪ': 'i', // U+026A small capital I
	'ɴ': 'n', // U+0274 small capital N
	'ʀ': 'r', // U+0280 small capital R
	'ʏ': 'y', // U+028F small capital Y
	'ʙ': 'b', // U+0299 small capital B
	'ʜ': 'h', // U+029C small capital H
	'ʟ': 'l', // U+029F small capital L
	'ᴀ': 'a', // U+1D00 small capital A
	'ᴄ': 'c', // U+1D04 small capital C
	'ᴅ': 'd', // U+1D05 small capital D
	'ᴇ': 'e', // U+1D07 small capital E
	'ᴊ': 'j', // U+1D0A small capital J
	'ᴋ': 'k', // U+1D0B small capital K
	'ᴍ': 'm', // U+1D0D small capital M
	'ᴏ': 'o', // U+1D0F small capital O
	'ᴘ': 'p', // U+1D18 small capital P
	'ᴛ': 't', // U+1D1B small capital T
	'ᴜ': 'u', // U+1D1C small capital U
	'ᴠ': 'v', // U+1D20 small capital V
	'ᴡ': 'w', // U+1D21 small capital W
	'ᴢ': 'z', // U+1D22 small capital Z
	'ꜰ': 'f', // U+A730 small capital F
	'ꜱ': 's', // U+A731 small capital S
	'ꞯ': 'q', // U+A7AF small capital Q
}

// skeletonRune maps one case-folded rune to its prototype. Case folding has
// already merged I with i, so I/l/1 impersonation ("lnstagram") can only be
// caught by merging i with l as well; 0 and O are merged the same way.
func skeletonRune(r rune) rune {
	r = cherokeeCapital(r)
	if p, ok := confusables[r]; ok {
		r = p
	}
	switch r {
	case 'i', '1':
		return 'l'
	case '0':
		return 'o'
	}
	return r
}

// skeletonSequences are the multi-letter look-alikes that survive the
// per-rune step. Neither output can start a new match, so one pass is
// enough for the key to be stable.
var skeletonSequences = strings.NewReplacer("rn", "m", "vv", "w")

// cherokeeCapital maps Cherokee small letters to their capitals, which is
// what Unicode's CaseFolding.txt folds them to. golang.org/x/text/cases Fold
// instead swaps the two cases of Cherokee (capital to small and small to
// capital), which would make the key change each time it is computed.
func cherokeeCapital(r rune) rune {
	switch {
	case r >= 0xAB70 && r <= 0xABBF:
		return r - 0xAB70 + 0x13A0
	case r >= 0x13F8 && r <= 0x13FD:
		return r - 0x13F8 + 0x13F0
	}
	return r
}
