package rules

import "strings"

// checkMailParcelFee fires on the parcel that only a fee frees, the
// advance-fee turn of international romance fraud (国際ロマンス詐欺): the
// writer says they sent the reader money or valuables ([parcel-sent]),
// held now at customs or by a courier until a fee is paid ([parcel-held]),
// and asks the reader to pay it ([parcel-pay]), in the voice of a distant
// lover, or a soldier, doctor or engineer abroad ([romance]), or by a
// "diplomatic" courier, which no private parcel travels by. A carrier's
// or customs' own notice of duty to pay speaks of no gift from the writer
// and in no such voice; warnings stay silent.
func checkMailParcelFee(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	sent, p := v.find("parcel-sent")
	if sent == "" {
		return nil
	}
	held, _ := v.find("parcel-held")
	if held == "" {
		return nil
	}
	pay, _ := v.find("parcel-pay")
	if pay == "" && !strings.Contains(held, "払わない") {
		return nil
	}
	voice, _ := v.find("romance")
	diplomatic := strings.Contains(p, "外交") || strings.Contains(p, "diplomatic")
	if voice == "" && !diplomatic {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(sent, held, pay, voice)}}
}
