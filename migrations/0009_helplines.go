package migrations

import (
	"context"
	"database/sql"
	"time"
)

// seedHelplines is pkg/safety/data/crisis-lines.tsv as compiled on
// 2026-11-21, copied here and frozen: a migration must insert the same rows
// whenever it runs, whatever later happens to the reference file. Admins
// edit the list in the application (/admin/helplines) afterwards.
// Fields: country_code, country, service, phone, sms, web, hours, languages,
// source.
var seedHelplines = [][9]string{
	{"US", "United States", "988 Suicide & Crisis Lifeline", "988", "text 988", "https://988lifeline.org", "24/7", "en,es", "https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline"},
	{"CA", "Canada", "9-8-8: Suicide Crisis Helpline", "988", "text 988", "https://988.ca", "24/7", "en,fr", "https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html"},
	{"GB", "United Kingdom", "Samaritans", "116 123", "", "https://www.samaritans.org", "24/7", "en", "https://www.samaritans.org/how-we-can-help/contact-samaritan/"},
	{"IE", "Ireland", "Samaritans Ireland", "116 123", "", "https://www.samaritans.org", "24/7", "en", "https://www.irishhealthpro.com/content/news/show/name/big-jump-in-calls-to-samaritans-since-2014"},
	{"AU", "Australia", "Lifeline Australia", "13 11 14", "text 0477 13 11 14", "https://www.lifeline.org.au", "24/7", "en", "https://lifeinmind.org.au/news/lifelines-crisis-text-service-now-available-24-7"},
	{"NZ", "New Zealand", "1737, Need to talk?", "1737", "text 1737", "https://1737.org.nz", "24/7", "en", "http://www.scoop.co.nz/stories/PA1706/S00527/single-phone-number-to-access-support-services.htm"},
	{"IN", "India", "Tele-MANAS national tele-mental health helpline (Ministry of Health and Family Welfare)", "14416", "", "", "24/7", "", "https://theshillongtimes.com/2025/02/07/tele-manas-mental-health-helpline-handles-over-18-1-lakh-calls-centre/"},
	{"ZA", "South Africa", "SADAG Suicide Crisis Helpline", "0800 567 567", "SMS 31393 (a counsellor calls back)", "https://www.sadag.org", "24/7", "en", "https://www.timeslive.co.za/news/south-africa/2021-04-19-mental-health--heres-where-you-can-get-help-should-you-need-it/"},
	{"DE", "Germany", "TelefonSeelsorge", "0800 111 0 111", "", "https://www.telefonseelsorge.de", "24/7", "de", "https://www.domradio.de/glossar/telefonseelsorge-0"},
	{"FR", "France", "3114 – Numéro national de prévention du suicide", "3114", "", "https://3114.fr", "24/7", "fr", "https://www.mayotte.ars.sante.fr/3114-le-numero-national-de-prevention-du-suicide"},
	{"ES", "Spain", "024 – Línea de atención a la conducta suicida (Ministerio de Sanidad)", "024", "", "", "24/7", "es", "https://www.farodevigo.es/galicia/2025/10/11/medio-millar-gallegos-mes-024-linea-suicidio-122499662.html"},
	{"IT", "Italy", "Telefono Amico Italia", "02 2327 2327", "", "", "10:00-24:00 daily", "it", "https://www.fanpage.it/attualita/cose-e-come-funziona-telefono-amico-portato-sul-palco-di-sanremo-da-la-sad/"},
	{"NL", "Netherlands", "113 Zelfmoordpreventie", "113", "", "https://www.113.nl", "24/7", "nl", "https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt"},
	{"BE", "Belgium", "Zelfmoordlijn 1813", "1813", "", "https://www.zelfmoord1813.be", "24/7", "nl", "https://nieuws.vtm.be/binnenland/67758-nieuw-nummer-zelfmoordlijn1813"},
	{"BE", "Belgium", "Centre de Prévention du Suicide", "0800 32 123", "", "https://www.preventionsuicide.be", "24/7", "fr", "https://bx1.be/categories/news/la-reine-mathilde-visite-le-centre-de-prevention-du-suicide-a-ixelles/"},
	{"SE", "Sweden", "Mind Självmordslinjen", "90101", "", "https://mind.se", "24/7", "sv", "http://www.kronprinsessparetsstiftelse.se/projekt/sjalvmordsupplysningen.html"},
	{"NO", "Norway", "Mental Helse Hjelpetelefonen", "116 123", "", "https://sidetmedord.no", "24/7", "no", "https://www.tv2.no/a/11115544"},
	{"NO", "Norway", "Kirkens SOS", "22 40 00 40", "", "https://soschat.no", "24/7", "no", "https://www.tv2.no/a/11115544"},
	{"FI", "Finland", "MIELI Kriisipuhelin (Crisis Helpline), Finnish line", "09 2525 0111", "", "https://mieli.fi", "24/7", "fi", "https://www.karjalainen.fi/uutiset/uutis-alueet/kotimaa/item/271836"},
	{"BR", "Brazil", "CVV – Centro de Valorização da Vida", "188", "", "https://cvv.org.br", "24/7", "pt", "https://ufms.br/pb/ligacoes-para-prevencao-ao-suicidio-passam-a-ser-gratuitas-em-todo-pais/"},
	{"MX", "Mexico", "Línea de la Vida (CONASAMA, Secretaría de Salud)", "800 911 2000", "", "", "24/7", "es", "https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/"},
	{"AR", "Argentina", "Línea nacional de salud mental (Ministerio de Salud de la Nación)", "0800 999 0091", "", "", "24/7", "es", "https://www.cba24n.com.ar/sociedad/se-habilito-linea-telefonica-nacional-y-gratuita-para-urgencias-de-salud-mental_a631b4db37e12b42cd076b8cf"},
	{"JP", "Japan", "Inochi no Denwa suicide-prevention free dial (日本いのちの電話連盟)", "0120-783-556", "", "", "16:00-21:00 daily; 08:00 on the 10th of each month to 08:00 next day", "ja", "https://www.city.akiruno.tokyo.jp/0000015267.html"},
	{"KR", "South Korea", "Suicide prevention counselling line 109 (Ministry of Health and Welfare)", "109", "", "", "24/7", "ko", "http://koreabizwire.com/?p=303235"},
	{"PH", "Philippines", "NCMH Crisis Hotline (National Center for Mental Health)", "0917 899 8727", "", "", "24/7", "en", "https://doh.gov.ph/press-release/launch-of-the-ncmh-crisis-hotline/"},
	{"SG", "Singapore", "Samaritans of Singapore (SOS)", "1767", "WhatsApp 9151 1767 (CareText)", "https://www.sos.org.sg", "24/7", "en,zh", "https://mothership.sg/2022/09/sos-24h-whatsapp-service"},
	{"SG", "Singapore", "national mindline 1771", "1771", "WhatsApp +65 6669 1771", "https://mindline.sg", "24/7", "en,zh,ms,ta", "https://www.moh.gov.sg/newsroom/national-mindline-1771-to-provide--round-the-clock-support-for-mental-health"},
	{"HK", "Hong Kong", "The Samaritans (multilingual)", "2896 0000", "", "https://samaritans.org.hk", "24/7", "en,zh", "https://csrp.hku.hk/getting-help/"},
	{"HK", "Hong Kong", "18111 Mental Health Support Hotline", "18111", "", "", "24/7", "", "https://www.info.gov.hk/gia/general/202510/10/P2025100900583p.htm"},
	{"KE", "Kenya", "Kenya Red Cross toll-free counselling line", "1199", "", "https://www.redcross.or.ke", "24/7", "en", "https://www.redcross.or.ke/single-article/37-Psychosocial-Support-for-Healthcare-Workers-in-Midst-of-COVID-19-Pandemic"},
	{"NG", "Nigeria", "SURPIN toll-free helpline (Suicide Research and Prevention Initiative)", "0800 078 7746", "", "", "", "en", "https://healthwise.punchng.com/ngo-launches-toll-free-hotline-for-assistance-on-mental-health/"},
	{"ZZ", "International", "Find A Helpline (international directory)", "", "", "https://findahelpline.com", "", "en", "https://findahelpline.com/AU"},
}

var step0009Helplines = Step{Version: 9, Name: "crisis helplines", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if err := execAll(ctx, tx, d,
		`CREATE TABLE helplines (
			id {{ID}},
			country_code TEXT NOT NULL,
			country TEXT NOT NULL,
			service TEXT NOT NULL,
			phone TEXT NOT NULL DEFAULT '',
			sms TEXT NOT NULL DEFAULT '',
			web TEXT NOT NULL DEFAULT '',
			hours TEXT NOT NULL DEFAULT '',
			languages TEXT NOT NULL DEFAULT '',
			source TEXT NOT NULL DEFAULT '',
			position INTEGER NOT NULL DEFAULT 0,
			created_at {{TS}} NOT NULL,
			updated_at {{TS}} NOT NULL
		)`,
		`CREATE INDEX helplines_country ON helplines (country_code, position, id)`,
	); err != nil {
		return err
	}
	now := time.Now().UTC()
	for i, h := range seedHelplines {
		if _, err := tx.ExecContext(ctx, d.Rebind(`INSERT INTO helplines
			(country_code, country, service, phone, sms, web, hours, languages, source, position, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], i+1, now, now); err != nil {
			return err
		}
	}
	return nil
}}
