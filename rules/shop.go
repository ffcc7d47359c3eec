package rules

// shopRules are the fake-shop signs (GitHub issue 2, item 5). Each reads
// every fetched page of the site (the landing page and the crawled
// 特定商取引法, payment-guide and company pages) and combines the evidence:
//
//   - payment-transfer-only   shop_payment.go (Payments, PaymentMethods)
//   - account-personal-name   shop_account.go (Accounts, ClassifyHolder)
//   - account-name-mismatch   shop_account.go + shop_seller.go (Disclosures)
//   - account-listed          shop_account.go (AccountMatches)
//   - seller-info-missing     shop_seller.go
//   - contact-free-email      shop_seller.go (Emails, Phones)
//   - price-extreme-discount  shop_price.go (PricePairs)
//   - japanese-unnatural      shop_lang.go (JapaneseStats)
//
// Shared text helpers (kana folding, prices, phones, addresses) are in
// shop_text.go.
func shopRules() []Rule {
	return []Rule{
		shopTransferOnlyRule(),
		shopPersonalRule(),
		shopMismatchRule(),
		shopListedRule(),
		shopSellerRule(),
		shopFreeEmailRule(),
		shopPriceRule(),
		shopLangRule(),
	}
}
