package match

import "strings"

// roleMailboxes are local parts, in lower case and without a "+tag", that
// reach a team, a function or a machine rather than one person.
var roleMailboxes = map[string]bool{
	"abuse": true, "accounting": true, "accounts": true, "admin": true,
	"administrator": true, "alerts": true, "billing": true, "bookings": true,
	"bounce": true, "bounces": true, "careers": true, "contact": true,
	"contactus": true, "customercare": true, "customerservice": true,
	"do-not-reply": true, "donotreply": true, "do_not_reply": true,
	"enquiries": true, "enquiry": true, "feedback": true, "finance": true,
	"general": true, "hello": true, "help": true, "helpdesk": true,
	"hostmaster": true, "hr": true, "info": true, "information": true,
	"inquiries": true, "inquiry": true, "invoices": true, "jobs": true,
	"legal": true, "mail": true, "mailer-daemon": true, "marketing": true,
	"media": true, "news": true, "newsletter": true, "no-reply": true,
	"noreply": true, "no_reply": true, "notifications": true, "office": true,
	"orders": true, "postmaster": true, "pr": true, "press": true,
	"privacy": true, "purchasing": true, "reception": true,
	"recruiting": true, "recruitment": true, "sales": true,
	"security": true, "service": true, "support": true, "team": true,
	"webmaster": true,
}

// isRoleMailbox reports whether local names a role mailbox. The "+tag" of
// a subaddress (RFC 5233) is ignored. A suffix after ".", "-" or "_" is
// ignored too when the first word is a role of four or more letters, so
// "sales-emea" and "info.de" are roles but "hr-smith" is not.
func isRoleMailbox(local string) bool {
	local = strings.ToLower(local)
	if i := strings.IndexByte(local, '+'); i > 0 {
		local = local[:i]
	}
	if roleMailboxes[local] {
		return true
	}
	if i := strings.IndexAny(local, ".-_"); i >= 4 {
		return roleMailboxes[local[:i]]
	}
	return false
}
