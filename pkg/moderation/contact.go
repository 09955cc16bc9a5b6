package moderation

import (
	"regexp"
	"strings"
)

// One-to-one support stays on Hearth: contact details that would take a
// conversation elsewhere, where nobody can see it go wrong, are refused
// with a kind explanation, and the writer keeps their text to change.
var (
	contactEmail = regexp.MustCompile(`(?i)[a-z0-9._%+\-]+\s*(@|\(at\)|\[at\])\s*[a-z0-9\-]+(\.|\s*\(dot\)\s*)[a-z]{2,}`)
	contactPhone = regexp.MustCompile(`\+?\(?\d[\d\s().\-]{5,}\d`)
	contactAt    = regexp.MustCompile(`(^|[\s(:])@[A-Za-z0-9_.]{2,}`)
	contactSites = regexp.MustCompile(`(?i)\b(wa\.me|whatsapp\.com|t\.me|telegram\.(me|org)|discord\.(gg|com)|discordapp\.com|instagram\.com|instagr\.am|facebook\.com|fb\.me|m\.me|messenger\.com|snapchat\.com|tiktok\.com|twitter\.com|x\.com|kik\.me|signal\.me|signal\.group|skype\.com|join\.skype|linkedin\.com|threads\.net|bsky\.app|reddit\.com/u(ser)?/|line\.me|viber\.com|wechat\.com)\b`)
	contactApps  = regexp.MustCompile(`(?i)\b((add|find|message|dm|text|call|reach|follow)\s+me\s+(on|at|via)|my)\s+(snap(chat)?|insta(gram)?|whatsapp|telegram|discord|kik|skype|signal|facebook|fb|messenger|tiktok|twitter|number|phone|email|e-mail)\b`)
	contactNamed = regexp.MustCompile(`(?i)\b(snap(chat)?|insta(gram)?|whatsapp|telegram|discord|kik|skype|signal|tiktok|twitter)\s*(:|handle|username|user name|id)\s*\S+`)
	imageMD      = regexp.MustCompile(`!\[[^\]]*\]\(|(?i)<img\b|(?i)https?://\S+\.(png|jpe?g|gif|webp|heic|bmp|svg)\b`)
)

// msgContact is the kind explanation when a message holds contact details.
const msgContact = "To keep you both safe, one-to-one support stays here on Hearth, so please leave out email addresses, phone numbers, social media or messaging handles and links to them. Everything else you wrote is still here to send. If you need to talk to someone right now, the crisis page lists helplines."

// msgNoImages is the kind explanation when a message holds an image.
const msgNoImages = "Images can't be shared in one-to-one support, to keep you both safe from seeing something you didn't choose to. Please describe it in words instead; the rest of your message is still here."

// ContactRefusal returns the explanation when text holds contact
// details (an email address, a phone number, a social or messaging handle
// or link), or "" when it holds none.
func ContactRefusal(text string) string {
	if contactEmail.MatchString(text) || contactAt.MatchString(text) || contactSites.MatchString(text) ||
		contactApps.MatchString(text) || contactNamed.MatchString(text) {
		return msgContact
	}
	for _, m := range contactPhone.FindAllString(text, -1) {
		if digits(m) >= 7 {
			return msgContact
		}
	}
	return ""
}

// HasImage reports whether text embeds or links an image.
func HasImage(text string) bool { return imageMD.MatchString(text) }

func digits(s string) int {
	return len(s) - len(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s))
}
