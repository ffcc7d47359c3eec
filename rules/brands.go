package rules

import (
	"fmt"
	"strings"
	"sync"
)

// Brand is an often-imitated company or service and its official domains.
type Brand struct {
	// Name is the name shown to users.
	Name string `json:"name"`
	// NameEN is the name shown in English when Name is in Japanese
	// (三井住友カード: "SMBC Card (三井住友カード)").
	NameEN string `json:"name_en,omitempty"`
	// Names are the names the brand goes by on pages, in Japanese and
	// English (三井住友カード, SMBC CARD, Vpass).
	Names []string `json:"names"`
	// Domains are the official registrable domains; their subdomains are
	// official too.
	Domains []string `json:"domains"`
	// InfraDomains are official domains that serve the brand's pages but
	// are not shown to people (image and script servers, APIs). They are
	// official like Domains, but their names are not keywords that others
	// could imitate (media-amazon.com, mzstatic.com).
	InfraDomains []string `json:"infra_domains,omitempty"`
	// GroupDomains are official domains of the brand's group companies,
	// services and campaigns whose names are not the brand's usual
	// spelling (kddi-research.jp, mercari-shops.com, smbcgroup.com). They
	// are official like Domains, but their labels are no keywords and no
	// look-alike targets: listing them must not make honest neighbours
	// (lifecorp.jp beside linecorp.com) look-alikes.
	GroupDomains []string `json:"group_domains,omitempty"`
	// Keywords are the labels the brand's name takes inside domain names
	// (smbc, vpass, mitsuisumitomo). The labels of the official domains
	// (smbc-card, vpass) count as keywords without being listed.
	Keywords []string `json:"keywords"`
	// WeakKeywords are keywords that are also common words, names or short
	// letter groups (au, ana, jcb, line, visa, apple, yamato): they count
	// beside a phishing word, as a token or run together (jcb-login,
	// au-pay-kakunin, jcblogin), beside any word under an ending mostly
	// used for abuse (jcb-kvtk.top), or with the brand's whole official
	// domain placed in front of another domain (jcb.co.jp.example.top).
	// Where a weak keyword is the label of an official domain, its
	// squatter-made typos count under that domain's own ending (appie.com,
	// applw.com beside apple.com) and the label itself under a cheap or a
	// country's ending (jcb.xyz, visa.de), never under com, net, org or
	// jp. Keywords of three letters or fewer are weak even when listed
	// under Keywords.
	WeakKeywords []string `json:"weak_keywords,omitempty"`
}

// BrandSet is the brand data, ready for lookups: official domains by name,
// and an index of the brands' keywords for domain-lookalike.
type BrandSet struct {
	list     []Brand
	official map[string][]int // official registrable domain -> brand indexes
	// look is the look-alike index, built by lookIndex on first use, not
	// by NewBrandSet: it is most of the cost of loading the data (some
	// 4 ms and 1 MB in a fresh process), and a run whose targets are IP
	// addresses, or that only reads official domains, never needs it.
	lookOnce sync.Once
	look     *lookIndex
	// seen keeps LookalikeHost's answers by host: a batch checks many
	// pages of one site, and matching its name was about a sixth of
	// scoring a small page. Bounded: emptied when it reaches seenMax hosts.
	seenMu sync.Mutex
	seen   map[string]lookAnswer
}

// lookAnswer is one LookalikeHost answer kept in BrandSet.seen.
type lookAnswer struct {
	im Imitation
	ok bool
}

// seenMax bounds BrandSet.seen: a few thousand hosts, about a megabyte at
// most, whatever the length of a batch.
const seenMax = 4096

// NewBrandSet checks and indexes brands.
func NewBrandSet(brands []Brand) (*BrandSet, error) {
	bs := &BrandSet{official: map[string][]int{}}
	for i, b := range brands {
		if b.Name == "" || len(b.Domains) == 0 {
			return nil, fmt.Errorf("brand %d (%q): needs a name and at least one official domain", i+1, b.Name)
		}
		var err error
		if b.Domains, err = bs.addOfficial(i, b, b.Domains); err != nil {
			return nil, err
		}
		if b.InfraDomains, err = bs.addOfficial(i, b, b.InfraDomains); err != nil {
			return nil, err
		}
		if b.GroupDomains, err = bs.addOfficial(i, b, b.GroupDomains); err != nil {
			return nil, err
		}
		bs.list = append(bs.list, b)
	}
	return bs, nil
}

// lookIndex returns the look-alike index, building it on first use (once,
// safely from any goroutine).
func (bs *BrandSet) lookIndex() *lookIndex {
	bs.lookOnce.Do(func() { bs.look = newLookIndex(bs.list) })
	return bs.look
}

// Warm builds the look-alike index now rather than when the first host
// name is matched. A command may call it in the background after loading
// the data, so that the index is built while the first pages are fetched;
// calling it is never needed.
func (bs *BrandSet) Warm() {
	if bs != nil {
		bs.lookIndex()
	}
}

// addOfficial normalises the official domains ds of brand i and indexes
// them.
func (bs *BrandSet) addOfficial(i int, b Brand, ds []string) ([]string, error) {
	out := make([]string, len(ds))
	for j, d := range ds {
		d = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
		if h, err := ParseHost(d); err == nil {
			d = h.ASCII
		}
		if d == "" {
			return nil, fmt.Errorf("brand %d (%q): official domain %d is empty", i+1, b.Name, j+1)
		}
		out[j] = d
		bs.official[d] = append(bs.official[d], i)
	}
	return out, nil
}

// All returns every brand. The caller must not change them.
func (bs *BrandSet) All() []Brand { return bs.list }

// EnglishName is the brand's name for an English reader: NameEN, else Name.
func (b *Brand) EnglishName() string {
	if b.NameEN != "" {
		return b.NameEN
	}
	return b.Name
}

// userContentHosts are the hosts of data/user_content_hosts.txt: under a
// brand's domain, but anyone's to publish on.
var userContentHosts = sync.OnceValue(func() map[string]bool { return set("user_content_hosts.txt") })

// UserContentHost reports whether host is (under) a host of
// data/user_content_hosts.txt, where anyone can publish: never a brand's
// own page or link, though its domain is the brand's.
func UserContentHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	uc := userContentHosts()
	for h != "" {
		if uc[h] {
			return true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return false
}

// Official reports whether host is one of b's official domains or under
// one, and none of the hosts where anyone can publish (UserContentHost).
func (b *Brand) Official(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if UserContentHost(host) {
		return false
	}
	for _, ds := range [][]string{b.Domains, b.InfraDomains, b.GroupDomains} {
		for _, d := range ds {
			if host == d || strings.HasSuffix(host, "."+d) {
				return true
			}
		}
	}
	return false
}

// OfficialFor returns the brands for which host is an official domain.
func (bs *BrandSet) OfficialFor(host string) []Brand {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if UserContentHost(host) {
		return nil
	}
	var out []Brand
	seen := map[int]bool{}
	for h := host; h != ""; {
		for _, i := range bs.official[h] {
			if !seen[i] {
				seen[i] = true
				out = append(out, bs.list[i])
			}
		}
		dot := strings.IndexByte(h, '.')
		if dot < 0 {
			break
		}
		h = h[dot+1:]
	}
	return out
}

// OfficialHost reports whether host is official for any brand, a tenant
// of a brand's hosting platform (shop.s3.amazonaws.com) not counting.
func (bs *BrandSet) OfficialHost(host string) bool {
	h, err := ParseHost(host)
	return err == nil && bs.officialHost(h)
}

// officialHost reports whether h is official for any brand. A tenant of a
// brand's hosting platform is not the brand: smbc.s3.amazonaws.com sits
// under amazonaws.com, but its name was chosen by whoever rents it.
func (bs *BrandSet) officialHost(h HostName) bool {
	if UserContentHost(h.ASCII) {
		return false
	}
	for d := h.ASCII; d != ""; {
		if len(bs.official[d]) > 0 {
			if !h.Hosted || !(d == h.Suffix || strings.HasSuffix(h.Suffix, "."+d)) {
				return true
			}
		}
		dot := strings.IndexByte(d, '.')
		if dot < 0 {
			break
		}
		d = d[dot+1:]
	}
	return false
}
