package main

// The curation below corrects the upstream lists. Each entry was checked by
// hand against what the domain serves.
//
// Rule for provider-and-company domains: some domains give mailboxes to the
// public and are also the main website of the company that runs the
// service (zoho.com, fastmail.com, yahoo.com). Such a domain keeps its
// provider kind and gets the providerCompany flag. An email address there
// is then no company key, but a website there is.

// notProvider lists domains that the upstream lists carry although they are
// company, news, government or university websites and no public mail
// service. Several were found by matching the websites of the ROR records
// in testdata/ror-records-subset against the lists.
var notProvider = map[string]bool{
	"3ammagazine.com":  true,
	"about.com":        true,
	"albawaba.com":     true,
	"alibaba.com":      true,
	"ancestry.com":     true,
	"aver.com":         true,
	"berlin.de":        true,
	"bt.com":           true, // BT Group; subscribers use btinternet.com
	"casino.com":       true,
	"catholic.org":     true,
	"charter.com":      true, // Charter Communications; subscribers use charter.net
	"clerk.com":        true,
	"comcast.com":      true, // Comcast; subscribers use comcast.net
	"cox.com":          true, // Cox Communications; subscribers use cox.net
	"dailypioneer.com": true,
	"depechemode.com":  true,
	"detik.com":        true,
	"discovery.com":    true,
	"dmv.com":          true,
	"dnsmadeeasy.com":  true,
	"doityourself.com": true,
	"easypost.com":     true, // EasyPost, a shipping API company
	"example.com":      true, // reserved for documentation (RFC 2606)
	"facebook.com":     true,
	"geek.com":         true,
	"go.com":           true,
	"hamptonroads.com": true,
	"hidemyass.com":    true,
	"indiatimes.com":   true,
	"islamonline.net":  true,
	"kansascity.com":   true,
	"law.com":          true,
	"mail-tester.com":  true,
	"masrawy.com":      true,
	"medscape.com":     true,
	"mydomain.com":     true,
	"name.com":         true, // a domain registrar
	"nus.edu.sg":       true, // National University of Singapore
	"onmilwaukee.com":  true,
	"parrot.com":       true,
	"saudia.com":       true,
	"scubadiving.com":  true,
	"singpost.com":     true,
	"space.com":        true,
	"spacewar.com":     true,
	"swissinfo.org":    true,
	"techspot.com":     true,
	"telstra.com":      true, // Telstra; subscribers use bigpond.com
	"test.com":         true,
	"test.de":          true,
	"unican.es":        true, // Universidad de Cantabria
	"webindia123.com":  true,
	"yourdomain.com":   true,
}

// curatedProviderCompanies are consumer mail providers whose domain is also
// the provider company's main website.
var curatedProviderCompanies = []string{
	"aol.com", "fastmail.com", "gmx.net", "hey.com", "hushmail.com",
	"mail.com", "mail.ru", "mailbox.org", "naver.com", "posteo.de",
	"sapo.pt", "seznam.cz", "uol.com.br", "web.de", "wp.pl", "yahoo.co.jp",
	"yahoo.com", "yandex.com", "yandex.ru", "zoho.com",
}

// curatedISPCompanies are internet providers whose subscriber mail domain
// is also the company's main website.
var curatedISPCompanies = []string{
	"earthlink.net", "free.fr", "frontier.com", "o2.co.uk", "optimum.net",
	"rogers.com", "sfr.fr", "shaw.ca", "sky.com", "talktalk.co.uk",
	"telenet.be", "virginmedia.com",
}

// curatedISPs are the subscriber mail domains of large internet and mobile
// providers. The upstream lists mark most of them as free mail or miss
// them.
var curatedISPs = []string{
	// United States
	"adelphia.net", "att.net", "attbi.com", "bellatlantic.net",
	"bellsouth.net", "cableone.net", "centurylink.net", "charter.net",
	"comcast.net", "cox.net", "embarqmail.com", "frontiernet.net",
	"fuse.net", "juno.com", "mchsi.com", "mindspring.com", "netins.net",
	"netzero.net", "optonline.net", "pacbell.net", "prodigy.net",
	"ptd.net", "q.com", "qwest.net", "roadrunner.com", "rr.com",
	"sbcglobal.net", "suddenlink.net", "swbell.net", "tds.net", "twc.com",
	"verizon.net", "windstream.net", "wowway.com",
	// United Kingdom and Ireland
	"blueyonder.co.uk", "btconnect.com", "btinternet.com", "btopenworld.com",
	"eircom.net", "freeserve.co.uk", "ntlworld.com", "plus.net",
	"talktalk.net", "tiscali.co.uk", "virgin.net",
	// Canada, Australia and New Zealand
	"bigpond.com", "bigpond.net.au", "cogeco.ca", "iinet.net.au",
	"internode.on.net", "iprimus.com.au", "netspace.net.au",
	"optusnet.com.au", "ozemail.com.au", "sympatico.ca", "telus.net",
	"tpg.com.au", "videotron.ca", "westnet.com.au", "xtra.co.nz",
	// Europe
	"alice.it", "arcor.de", "bluewin.ch", "chello.nl", "club-internet.fr",
	"forthnet.gr", "hetnet.nl", "home.nl", "kpnmail.nl", "neuf.fr",
	"online.no", "orange.fr", "planet.nl", "skynet.be", "t-online.de",
	"tin.it", "tiscali.it", "wanadoo.es", "wanadoo.fr", "xs4all.nl",
	"ziggo.nl", "zonnet.nl",
	// Asia
	"biglobe.ne.jp", "docomo.ne.jp", "ezweb.ne.jp", "nifty.com",
	"ocn.ne.jp", "singnet.com.sg", "so-net.ne.jp", "softbank.ne.jp",
}

// curatedFreeMail adds regional and legacy consumer domains of the large
// providers that the upstream lists miss or may drop.
var curatedFreeMail = []string{
	// Google
	"gmail.com", "googlemail.com",
	// Microsoft
	"hotmail.be", "hotmail.ca", "hotmail.co.jp", "hotmail.co.uk",
	"hotmail.com", "hotmail.com.ar", "hotmail.com.au", "hotmail.com.br",
	"hotmail.de", "hotmail.es", "hotmail.fr", "hotmail.it", "hotmail.nl",
	"live.ca", "live.co.uk", "live.com", "live.com.au", "live.de",
	"live.fr", "live.it", "live.jp", "live.nl", "msn.com", "outlook.com",
	"outlook.de", "outlook.es", "outlook.fr", "outlook.it", "outlook.jp",
	"passport.com", "windowslive.com",
	// Yahoo
	"rocketmail.com", "yahoo.ca", "yahoo.co.id", "yahoo.co.in",
	"yahoo.co.nz", "yahoo.co.uk", "yahoo.com.ar", "yahoo.com.au",
	"yahoo.com.br", "yahoo.com.hk", "yahoo.com.mx", "yahoo.com.sg",
	"yahoo.com.tw", "yahoo.de", "yahoo.dk", "yahoo.es", "yahoo.fr",
	"yahoo.gr", "yahoo.ie", "yahoo.in", "yahoo.it", "yahoo.no", "yahoo.pl",
	"yahoo.se", "ymail.com",
	// Apple
	"icloud.com", "mac.com", "me.com",
	// AOL
	"aim.com", "aol.co.uk", "aol.de", "aol.fr",
	// Others
	"126.com", "163.com", "aliyun.com", "bol.com.br", "daum.net",
	"email.com", "fastmail.fm", "foxmail.com", "gmx.at", "gmx.ch",
	"gmx.com", "gmx.de", "hanmail.net", "ig.com.br", "inbox.com",
	"interia.pl", "laposte.net", "libero.it", "nate.com", "o2.pl",
	"onet.pl", "pm.me", "proton.me", "protonmail.ch", "protonmail.com",
	"qq.com", "rediffmail.com", "runbox.com", "sina.cn", "sina.com",
	"sohu.com", "terra.com.br", "tuta.io", "tutanota.com", "usa.com",
	"virgilio.it", "ya.ru", "yeah.net", "zohomail.com",
}
