package rules

// Warm builds the tables that the signs otherwise build on first use
// (phrase indexes, payment vocabularies, look-alike word lists …), one
// after another. A command calls it in the background while it loads its
// data and sends its first requests, so that a batch's first sites do not
// wait for some 20 ms of tables (the look-alike index is BrandSet.Warm's);
// it keeps to one goroutine, so that the requests have the other cores.
// Calling it is never needed: every table is still built on first use,
// once; one missing from the list below is only built later.
//
// The list holds the tables that scoring an ordinary page at a domain
// name reads (a small shop page, the testdata shops). Tables that only
// some pages need are left to their first use, so that a process that
// never meets such a page never builds them: the regions of postcodes
// and area codes (flPostcodes, flAreaCodes: a page giving both an address
// and a landline), the image servers (flHotHosts: images from another
// host), the placeholder phrases (flPlaceholders: a linked page compared),
// the homoglyphs of page text and of host names (phishHomoglyphs,
// extraGlyphs: Cyrillic or Greek letters, a non-ASCII label), the table of
// payment methods (shopPayMethods: a page that names bank transfer; the
// others need only its prefilter, shopTransferFilter) and the gift-card
// expressions (flGiftData: a line naming a gift card; the others need only
// the names, flGiftNames). Left out, they save some 12 ms of CPU in a
// `check URL` process (and the minor page faults of their memory).
func Warm() {
	for _, build := range []func(){
		func() { phishData() }, func() { downloadExts() }, func() { flKinds() }, func() { flPhoneWords() },
		func() { flListingSet() }, func() { flListingData() }, func() { flFleaMarkets() },
		func() { shopTransferFilter() }, func() { words() }, func() { allowList() }, func() { shopPlatforms() },
		func() { shopFreemail() }, func() { shopNames() }, func() { shopHanzi() }, func() { shopMTPhrases() },
		func() { flPayData() }, func() { flAddrHints() }, func() { freeHostRegs() }, func() { freeHosts() },
		func() { shorteners() }, func() { suspiciousTLDs() },
	} {
		build()
	}
}
