package exports

import "github.com/accountkit/accountkit/journey"

// formatSpec describes the headers of one export format. Header names are
// folded with foldHeader. The aliases of a field are in order of
// preference, and a row's value is the first non-empty one.
type formatSpec struct {
	name     string
	activity bool
	// team owns the format's activities unless the caller sets one.
	team    journey.Team
	aliases [fieldCount][]string
	// markers are headers that few other formats write, so they count
	// double when detecting the format.
	markers []string
	// required lists groups of fields: each group needs at least one of
	// its fields mapped to a column.
	required [][]Field
}

// The header names below follow the systems' standard CSV exports. For
// Salesforce they are the API names of Data Loader ("BillingCountry") and
// the labels of report exports ("Billing Country"). For HubSpot they are
// the labels of the object index export, for Marketo those of the list
// export and the bulk activity extract, and for LinkedIn those of the
// Matched Audiences company list template.
//
// NOTE: The lists were written from the vendors' documented field names
// and have not been checked against every product version. Renamed or
// custom fields need Options.Columns.
var formatSpecs = [formatCount]formatSpec{
	FormatAuto: {name: "auto"},
	SalesforceAccounts: {
		name: "salesforce-accounts",
		aliases: [fieldCount][]string{
			FieldID:      {"accountid", "id"},
			FieldName:    {"accountname", "name"},
			FieldWebsite: {"website"},
			FieldCountry: {"billingcountry", "shippingcountry", "country"},
			FieldOwner:   {"accountowner", "ownername", "ownerid"},
			FieldCreated: {"createddate"},
		},
		markers:  []string{"accountid", "accountname", "billingcountry", "billingstate", "billingcity", "shippingcountry", "accountowner", "annualrevenue", "numberofemployees", "accountsource", "parentid"},
		required: [][]Field{{FieldID}, {FieldName, FieldWebsite}},
	},
	SalesforceLeads: {
		name: "salesforce-leads",
		aliases: [fieldCount][]string{
			FieldID:      {"leadid", "id"},
			FieldName:    {"company"},
			FieldWebsite: {"website"},
			FieldEmail:   {"email"},
			FieldCountry: {"country"},
			FieldOwner:   {"leadowner", "ownername", "ownerid"},
			FieldCreated: {"createddate"},
		},
		markers:  []string{"leadid", "leadowner", "leadsource", "leadstatus", "isconverted", "convertedaccountid", "convertedcontactid", "rating"},
		required: [][]Field{{FieldID}, {FieldName, FieldWebsite, FieldEmail}},
	},
	SalesforceContacts: {
		name: "salesforce-contacts",
		aliases: [fieldCount][]string{
			FieldID:      {"contactid", "id"},
			FieldName:    {"accountname"},
			FieldEmail:   {"email"},
			FieldCountry: {"mailingcountry", "country"},
			FieldOwner:   {"contactowner", "ownername", "ownerid"},
			FieldAccount: {"accountid"},
			FieldCreated: {"createddate"},
		},
		markers:  []string{"contactid", "contactowner", "mailingcountry", "mailingcity", "mailingstreet", "reportstoid", "mobilephone"},
		required: [][]Field{{FieldID}, {FieldName, FieldEmail, FieldAccount}},
	},
	SalesforceTasks: {
		name:     "salesforce-tasks",
		activity: true,
		team:     journey.Sales,
		aliases: [fieldCount][]string{
			FieldID:      {"activityid", "taskid", "id"},
			FieldAccount: {"accountid", "whatid"},
			FieldContact: {"whoid", "contactid", "leadid"},
			FieldTime:    {"completeddatetime", "activitydate", "duedate", "date", "createddate"},
			FieldType:    {"tasksubtype", "type", "subject"},
			FieldOwner:   {"assignedto", "ownername", "ownerid"},
			FieldCreated: {"createddate"},
		},
		markers:  []string{"whoid", "whatid", "tasksubtype", "activitydate", "completeddatetime", "priority", "isclosed", "calltype", "calldurationinseconds", "taskid"},
		required: [][]Field{{FieldTime}, {FieldAccount, FieldContact}},
	},
	SalesforceEvents: {
		name:     "salesforce-events",
		activity: true,
		team:     journey.Sales,
		aliases: [fieldCount][]string{
			FieldID:      {"eventid", "id"},
			FieldAccount: {"accountid", "whatid"},
			FieldContact: {"whoid", "contactid", "leadid"},
			FieldTime:    {"startdatetime", "activitydatetime", "startdate", "activitydate"},
			FieldType:    {"type", "eventsubtype", "subject"},
			FieldOwner:   {"assignedto", "ownername", "ownerid"},
			FieldCreated: {"createddate"},
		},
		markers:  []string{"eventid", "startdatetime", "enddatetime", "eventsubtype", "durationinminutes", "isalldayevent", "activitydatetime", "location", "showas"},
		required: [][]Field{{FieldTime}, {FieldAccount, FieldContact}},
	},
	SalesforceCampaignMembers: {
		name:     "salesforce-campaign-members",
		activity: true,
		team:     journey.Marketing,
		aliases: [fieldCount][]string{
			FieldID:       {"campaignmemberid", "id"},
			FieldName:     {"company", "companyaccount", "accountname"},
			FieldEmail:    {"email"},
			FieldAccount:  {"accountid"},
			FieldContact:  {"leadorcontactid", "contactid", "leadid"},
			FieldTime:     {"firstrespondeddate", "createddate"},
			FieldType:     {"memberstatus", "status"},
			FieldCampaign: {"campaignname", "campaign", "campaignid"},
			FieldCreated:  {"createddate"},
		},
		markers:  []string{"campaignmemberid", "campaignid", "campaignname", "memberstatus", "hasresponded", "responded", "firstrespondeddate", "leadorcontactid"},
		required: [][]Field{{FieldTime}, {FieldCampaign}, {FieldAccount, FieldContact, FieldEmail}},
	},
	HubSpotCompanies: {
		name: "hubspot-companies",
		aliases: [fieldCount][]string{
			FieldID:      {"recordid", "companyid", "hsobjectid"},
			FieldName:    {"companyname", "name"},
			FieldWebsite: {"companydomainname", "websiteurl", "domain", "website"},
			FieldCountry: {"countryregion", "country"},
			FieldOwner:   {"companyowner", "hubspotowner", "hubspotownerid"},
			FieldCreated: {"createdate"},
		},
		markers:  []string{"companydomainname", "companyowner", "websiteurl", "hsobjectid", "lifecyclestage", "lastactivitydate", "associatedcontact", "associatedcontactids"},
		required: [][]Field{{FieldID}, {FieldName, FieldWebsite}},
	},
	HubSpotContacts: {
		name: "hubspot-contacts",
		aliases: [fieldCount][]string{
			FieldID:      {"recordid", "contactid", "hsobjectid"},
			FieldName:    {"companyname", "company", "associatedcompany"},
			FieldWebsite: {"websiteurl", "website"},
			FieldEmail:   {"email"},
			FieldCountry: {"countryregion", "country"},
			FieldOwner:   {"contactowner", "hubspotowner", "hubspotownerid"},
			FieldAccount: {"associatedcompanyids", "associatedcompanyid", "primaryassociatedcompanyid"},
			FieldCreated: {"createdate"},
		},
		markers:  []string{"contactowner", "hsobjectid", "lifecyclestage", "associatedcompany", "associatedcompanyids", "primaryassociatedcompanyid", "leadstatus", "countryregion"},
		required: [][]Field{{FieldID}, {FieldName, FieldWebsite, FieldEmail}},
	},
	HubSpotEngagements: {
		name:     "hubspot-engagements",
		activity: true,
		team:     journey.Sales,
		aliases: [fieldCount][]string{
			FieldID:      {"activityid", "engagementid", "recordid", "hsobjectid"},
			FieldAccount: {"associatedcompanyids", "associatedcompanyid", "companyids"},
			FieldContact: {"associatedcontactids", "associatedcontactid", "contactids"},
			FieldTime:    {"activitydate", "hstimestamp", "timestamp", "createdate"},
			FieldType:    {"activitytype", "engagementtype", "type"},
			FieldOwner:   {"activityassignedto", "hubspotowner", "assignedto", "owner"},
			FieldCreated: {"createdate"},
		},
		markers:  []string{"activitydate", "activitytype", "engagementtype", "activityassignedto", "engagementid", "hstimestamp", "callandmeetingtype", "associatedcompanyids", "associatedcontactids"},
		required: [][]Field{{FieldTime}, {FieldAccount, FieldContact}},
	},
	MarketoLeads: {
		name: "marketo-leads",
		aliases: [fieldCount][]string{
			FieldID:      {"id", "leadid", "personid"},
			FieldName:    {"companyname", "company"},
			FieldWebsite: {"website"},
			FieldEmail:   {"emailaddress", "email"},
			FieldCountry: {"country"},
			FieldOwner:   {"leadowneremailaddress", "leadowner", "salesowner"},
			FieldCreated: {"createdat", "created"},
		},
		markers:  []string{"emailaddress", "createdat", "updatedat", "leadscore", "personsource", "personstatus", "acquisitionprogram", "leadowneremailaddress", "marketoid", "sfdctype"},
		required: [][]Field{{FieldID}, {FieldName, FieldWebsite, FieldEmail}},
	},
	MarketoActivities: {
		name:     "marketo-activities",
		activity: true,
		team:     journey.Marketing,
		aliases: [fieldCount][]string{
			FieldID:       {"marketoguid", "activityid", "id"},
			FieldContact:  {"leadid", "personid"},
			FieldTime:     {"activitydate", "date"},
			FieldType:     {"activitytype", "activitytypeid"},
			FieldCampaign: {"campaign", "campaignname", "campaignid", "primaryattributevalue"},
		},
		markers:  []string{"marketoguid", "activitytypeid", "activitytype", "primaryattributevalue", "primaryattributevalueid", "campaignrunid", "activitydate"},
		required: [][]Field{{FieldTime}, {FieldContact}, {FieldType}},
	},
	LinkedInCompanies: {
		name: "linkedin-companies",
		aliases: [fieldCount][]string{
			FieldName:    {"companyname"},
			FieldWebsite: {"companywebsite", "companyemaildomain", "linkedincompanypageurl"},
			FieldCountry: {"companycountry"},
		},
		markers:  []string{"companywebsite", "companyemaildomain", "linkedincompanypageurl", "stocksymbol", "companycountry", "zipcode"},
		required: [][]Field{{FieldName, FieldWebsite}},
	},
}
