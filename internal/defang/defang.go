// Package defang undoes the spellings that people and security teams use
// to make links unclickable (hxxps://, [.], (dot), [:]//), the same way
// wherever a link is read: a target on the command line or in a list, a
// link in a message.
package defang

import "strings"

// Refang returns s with its defanged spellings undone. It is a literal
// replacer: one pass, no backtracking, whatever the text. A defanged
// scheme counts only where a scheme is (hxp inside a name, amazon-hxp.xyz,
// stays).
func Refang(s string) string { return refang.Replace(s) }

// refang undoes the spellings that people and security teams use to make
// links unclickable (hxxps, [.], (dot), [:]//, …). It is a literal
// replacer: one pass, no backtracking, whatever the text.
var refang = func() *strings.Replacer {
	var pairs []string
	// A defanged scheme only where a scheme is: followed by its colon in
	// one of the spellings below ("hxp" inside a name, amazon-hxp.xyz, is
	// part of the name). Each whole spelling is one pair, so that one pass
	// undoes both halves.
	defangedColons := []string{"[:]//", "[://]", "(:)//", "(://)", "{:}//", "[:/]/", "[:]/ /"}
	for _, sch := range []string{"hxxp", "hXXp", "HXXP", "Hxxp", "h**p", "H**P", "h__p", "hxp", "hXp"} {
		for _, sec := range []string{"s", "S", ""} {
			to := "http" + strings.ToLower(sec)
			for _, c := range defangedColons {
				pairs = append(pairs, sch+sec+c, to+"://")
			}
			pairs = append(pairs, sch+sec+"://", to+"://", sch+sec+":", to+":")
		}
	}
	for _, c := range defangedColons {
		pairs = append(pairs, c, "://")
	}
	for _, d := range []string{"[.]", "(.)", "{.}", "[dot]", "(dot)", "{dot}", "[DOT]", "(DOT)", "{DOT}", "[Dot]", "(Dot)"} {
		pairs = append(pairs, " "+d+" ", ".", " "+d, ".", d+" ", ".", d, ".")
	}
	pairs = append(pairs, "[/]", "/", "[:]", ":")
	return strings.NewReplacer(pairs...)
}()
