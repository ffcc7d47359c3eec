package defang

import "testing"

func TestRefang(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"hxxps://evil[.]example/", "https://evil.example/"},
		{"hxxps://evil[dot]example/", "https://evil.example/"},
		{"hXXp[:]//evil(.)example(dot)jp/a[/]b", "http://evil.example.jp/a/b"},
		{"hxxps[://]shop{.}example[.]jp", "https://shop.example.jp"},
		{"evil [.] example", "evil.example"},
		{"evil.example[:]8080", "evil.example:8080"},
		{"amazon-hxp.xyz", "amazon-hxp.xyz"}, // hxp inside a name is the name
		{"hxxpress.example.jp", "hxxpress.example.jp"},
		{"https://[::1]:8080/", "https://[::1]:8080/"},
		{"hxXps://evil[.]example/", "https://evil.example/"},
		{"HXXPS[://]evil[.]example", "https://evil.example"},
		{"https://shop.example.jp/?q=hxp:1", "https://shop.example.jp/?q=hxp:1"}, // inside an address: its text
		{"詳細はhxxps://evil[.]top/a をご確認ください", "詳細はhttps://evil.top/a をご確認ください"},
		{"(hxxp://evil[.]top)", "(http://evil.top)"},
		{"1.hxxps://evil[.]com", "1.https://evil.com"},
		{"URL=hxxps://evil[.]com", "URL=https://evil.com"},
		{"@hxxps[:]//evil[.]com", "@https://evil.com"},
		{"-hxxps://evil[.]com", "-https://evil.com"},
		{"h**ps://evil[.]com", "https://evil.com"},
		{"H__P://evil(dot)com", "http://evil.com"},
		{"Hxxp://evil.com/a", "http://evil.com/a"},
		{"https://shop.example.jp/item/1", "https://shop.example.jp/item/1"},
	} {
		if got := Refang(tc.in); got != tc.want {
			t.Errorf("Refang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDefang: an address written so that it cannot be opened, and back.
func TestDefang(t *testing.T) {
	for in, want := range map[string]string{
		"https://smbc-kakunin.top/login":   "hxxps://smbc-kakunin[.]top/login",
		"http://a.example.jp/x.html?q=a.b": "hxxp://a[.]example[.]jp/x.html?q=a.b",
		"kit.example.top/login":            "kit[.]example[.]top/login",
	} {
		if got := Defang(in); got != want {
			t.Errorf("Defang(%q) = %q, want %q", in, got, want)
		}
		if back := Refang(want); back != in {
			t.Errorf("Refang(%q) = %q, want %q", want, back, in)
		}
	}
}

// BenchmarkRefangPlain is what every target of a list and every link of a
// message pays when nothing in it is defanged.
func BenchmarkRefangPlain(b *testing.B) {
	for b.Loop() {
		Refang("http://shop12.example.jp:8080/item/1234?n=5")
	}
}
