package rules

import "sync"

// Warm builds the tables that the signs otherwise build on first use
// (phrase indexes, payment vocabularies, look-alike word lists …), two at a
// time. A command calls it in the background while it loads its data and
// reads its targets, so that a batch's first sites do not wait for some
// 20 ms of tables built one after another. Calling it is never needed:
// every table is still built on first use, once; one missing from the
// lists below is only built later.
func Warm() {
	groups := [][]func(){
		{func() { phishData() }, func() { phishHomoglyphs() },
			func() { downloadExts() }, func() { flGiftData() }, func() { flKinds() }, func() { flPhoneWords() },
			func() { flListingSet() }, func() { flListingData() }, func() { flFleaMarkets() }},
		{func() { shopPayMethods() }, func() { words() }, func() { allowList() }, func() { shopPlatforms() },
			func() { shopFreemail() }, func() { shopNames() }, func() { shopHanzi() }, func() { shopMTPhrases() },
			func() { flPayData() }, func() { flAddrHints() }, func() { flPostcodes() }, func() { flAreaCodes() },
			func() { flPlaceholders() }, func() { flHotHosts() }, func() { freeHostRegs() }, func() { freeHosts() },
			func() { extraGlyphs() }, func() { shorteners() }, func() { suspiciousTLDs() }},
	}
	var wg sync.WaitGroup
	for _, g := range groups {
		wg.Go(func() {
			for _, build := range g {
				build()
			}
		})
	}
	wg.Wait()
}
