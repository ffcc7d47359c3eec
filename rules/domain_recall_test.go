package rules

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// recallCase is one generated look-alike and how it was made.
type recallCase struct {
	host, fuzzer, from string
}

// recallCases returns dnstwist's permutations of every official domain of
// BRANDS.md and the attackers' patterns, without the names that the brand
// data lists as official (dnstwist's tld-swap makes amazon.de, which is
// Amazon's) and those ParseHost rejects.
func recallCases(d *Data) (cases []recallCase, official int) {
	seen := map[string]bool{}
	for _, dom := range twistOfficial {
		for _, gen := range []map[string]string{twist(dom, twistWords, twistTLDs), attackerNames(dom, 1)} {
			hosts := make([]string, 0, len(gen))
			for h := range gen {
				hosts = append(hosts, h)
			}
			sort.Strings(hosts)
			for _, host := range hosts {
				if seen[host] {
					continue
				}
				seen[host] = true
				h, err := ParseHost(host)
				if err != nil || h.Label == "" || h.IP {
					continue
				}
				if d.Brands.officialHost(h) {
					official++
					continue
				}
				cases = append(cases, recallCase{host: host, fuzzer: gen[host], from: dom})
			}
		}
	}
	return cases, official
}

// recallTally counts found look-alikes by a key.
type recallTally map[string]*[2]int

func (t recallTally) add(key string, found bool) {
	c := t[key]
	if c == nil {
		c = &[2]int{}
		t[key] = c
	}
	c[0]++
	if found {
		c[1]++
	}
}

// recallWithout is the recall over every key but those given.
func (t recallTally) recallWithout(skip ...string) float64 {
	n, f := 0, 0
	for k, c := range t {
		if !slices.Contains(skip, k) {
			n += c[0]
			f += c[1]
		}
	}
	return float64(f) / float64(max(n, 1))
}

// mean is the mean of the keys' recalls.
func (t recallTally) mean() float64 {
	sum := 0.0
	for _, c := range t {
		sum += float64(c[1]) / float64(max(c[0], 1))
	}
	return sum / float64(max(len(t), 1))
}

func (t recallTally) String() string {
	var keys []string
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		c := t[k]
		fmt.Fprintf(&b, "\n  %-22s %6d/%-6d %5.1f%%", k, c[1], c[0], 100*float64(c[1])/float64(max(c[0], 1)))
	}
	return b.String()
}

// TestLookalikeRecall runs dnstwist's fuzzers (domain_dnstwist_test.go)
// and the attackers' patterns over every official domain of BRANDS.md and
// measures how many of the registrable names they make are found: at
// least 95 % of those of dnstwist's default fuzzers and the attackers'
// patterns, and 90 % with its tld-swap over 360 endings and its dictionary
// fuzzer, whose names for short and common brand names (jcb.net, a.de,
// apple-info.com, login-card.com) are often nobody's imitation.
func TestLookalikeRecall(t *testing.T) {
	d := DefaultData()
	cases, official := recallCases(d)
	byFuzzer, byDomain := recallTally{}, recallTally{}
	missed := map[string][]string{}
	found := 0
	// SHOPCHECK_LOOKALIKE_DUMP=FILE writes every case (host, fuzzer,
	// official domain, found) for a look with the command itself.
	var dump *bufio.Writer
	if name := os.Getenv("SHOPCHECK_LOOKALIKE_DUMP"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = bufio.NewWriter(f)
		defer dump.Flush()
	}
	for _, c := range cases {
		_, ok := d.Brands.Lookalike(c.host)
		if dump != nil {
			fmt.Fprintf(dump, "%s\t%s\t%s\t%v\n", c.host, c.fuzzer, c.from, ok)
		}
		if ok {
			found++
		} else if len(missed[c.fuzzer]) < 30 {
			missed[c.fuzzer] = append(missed[c.fuzzer], c.host)
		}
		byFuzzer.add(c.fuzzer, ok)
		byDomain.add(c.from, ok)
	}
	recall := float64(found) / float64(len(cases))
	t.Logf("recall %.2f%% (%d of %d look-alikes of %d official domains; %d official names left out)\n"+
		"  without tld-swap and dictionary (dnstwist's defaults) %.2f%%; mean of fuzzers %.2f%%; mean of domains %.2f%%\nby fuzzer:%s",
		100*recall, found, len(cases), len(twistOfficial), official,
		100*byFuzzer.recallWithout("tld-swap", "dictionary"), 100*byFuzzer.mean(), 100*byDomain.mean(), byFuzzer)
	if testing.Verbose() {
		t.Logf("by domain:%s", byDomain)
		var ks []string
		for k := range missed {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			t.Logf("missed %s: %s", k, strings.Join(missed[k], " "))
		}
	}
	if r := byFuzzer.recallWithout("tld-swap", "dictionary"); r < 0.95 {
		t.Errorf("recall on dnstwist's default fuzzers and the attackers' patterns %.2f%% is under 95%%", 100*r)
	}
	if recall < 0.90 {
		t.Errorf("recall %.2f%% is under 90%%", 100*recall)
	}
}

// honestNames are real Japanese companies' and services' domains and
// everyday names of small businesses, none of them a brand's look-alike.
var honestNames = strings.Fields(`
toyota.co.jp toyota.jp honda.co.jp nissan.co.jp mazda.co.jp subaru.jp suzuki.co.jp daihatsu.co.jp
sony.co.jp sony.jp panasonic.com panasonic.jp sharp.co.jp toshiba.co.jp hitachi.co.jp fujitsu.com nec.com
canon.jp nikon.co.jp olympus.co.jp ricoh.co.jp kyocera.co.jp brother.co.jp epson.jp casio.jp citizen.jp
seiko.co.jp nintendo.co.jp square-enix.com capcom.co.jp bandainamco.co.jp konami.com sega.jp
uniqlo.com gu-global.com muji.com nitori-net.jp yodobashi.com biccamera.com yamada-denkiweb.com edion.com
ksdenki.com joshinweb.jp kojima.net nojima.co.jp kakaku.com tabelog.com cookpad.com gnavi.co.jp hotpepper.jp
jalan.net ikyu.com rurubu.jp his-j.com jtb.co.jp knt.co.jp nta.co.jp hankyu-travel.com zozo.jp shoplist.com
belluna.net dinos.co.jp felissimo.co.jp cecile.co.jp nissen.co.jp askul.co.jp monotaro.com kaunet.com
tsutaya.co.jp bookoff.co.jp hmv.co.jp tower.jp animate-onlineshop.jp toranoana.jp melonbooks.co.jp
surugaya.jp mandarake.co.jp nikkei.com asahi.com yomiuri.co.jp mainichi.jp sankei.com tokyo-np.co.jp
nhk.or.jp fujitv.co.jp tbs.co.jp tv-asahi.co.jp ntv.co.jp tv-tokyo.co.jp kyodonews.jp jiji.com
itmedia.co.jp impress.co.jp gigazine.net ascii.jp nikkeibp.co.jp weathernews.jp tenki.jp jorudan.co.jp
navitime.co.jp ekitan.com jr-central.co.jp jr-odekake.net jrkyushu.co.jp tokyometro.jp keio.co.jp
odakyu.jp tokyu.co.jp seibu-group.co.jp hankyu.co.jp kintetsu.co.jp meitetsu.co.jp starflyer.jp
skymark.co.jp flypeach.com jetstar.com zipair.net 7andi.com sej.co.jp family.co.jp lawson.co.jp
ministop.co.jp seicomart.co.jp ito-yokado.co.jp daiei.co.jp seiyu.co.jp lifecorp.jp donki.com ppihgroup.com
daiso-sangyo.co.jp seria-group.com cainz.com kohnan-eshop.com komeri.com dcm-hc.co.jp matsukiyo.co.jp
sundrug.co.jp welcia.co.jp tsuruha.co.jp cosmospc.co.jp sugi-net.jp kirin.co.jp asahibeer.co.jp
suntory.co.jp sapporobeer.jp ajinomoto.co.jp kikkoman.co.jp nissin.com meiji.co.jp morinaga.co.jp
glico.com lotte.co.jp calbee.co.jp yakult.co.jp kao.co.jp lion.co.jp shiseido.co.jp kose.co.jp pola.co.jp
unicharm.co.jp takeda.com astellas.com daiichisankyo.co.jp eisai.co.jp otsuka.co.jp dena.com gree.co.jp
cyberagent.co.jp mixi.co.jp ameba.jp hatena.ne.jp note.com pixiv.net nicovideo.jp dwango.co.jp
livedoor.com excite.co.jp biglobe.ne.jp nifty.com so-net.ne.jp ocn.ne.jp plala.or.jp iij.ad.jp
sakura.ad.jp xserver.ne.jp onamae.com gmo.jp conoha.jp lolipop.jp muumuu-domain.com value-domain.com
freee.co.jp moneyforward.com yayoi-kk.co.jp smarthr.jp sansan.com cybozu.co.jp chatwork.com thebase.com
stores.jp shopify.com makeshop.jp futureshop.jp shop-pro.jp ecbeing.net recruit.co.jp indeed.com
mynavi.jp rikunabi.com doda.jp en-japan.com bizreach.jp townwork.net baitoru.com suumo.jp homes.co.jp
athome.co.jp chintai.net apamanshop.com minimini.jp able.co.jp daiwahouse.co.jp sekisuihouse.co.jp
sumitomo-rd.co.jp mitsuifudosan.co.jp mec.co.jp tokyu-land.co.jp japan.travel jnto.go.jp
metro.tokyo.lg.jp pref.osaka.lg.jp mhlw.go.jp meti.go.jp caa.go.jp npa.go.jp kantei.go.jp jaxa.jp riken.jp
u-tokyo.ac.jp kyoto-u.ac.jp waseda.jp keio.ac.jp shinseibank.com aozorabank.co.jp sonybank.net
sevenbank.co.jp gmo-aozora.com tokaitokyo.co.jp daiwa.jp monex.co.jp matsui.co.jp kabu.com
dai-ichi-life.co.jp nissay.co.jp meijiyasuda.co.jp sompo-japan.co.jp tokiomarine-nichido.co.jp ms-ins.com
aioinissaydowa.co.jp sonysonpo.co.jp axa-direct.co.jp lifenet-seimei.co.jp aplus.co.jp jaccs.co.jp
cedyna.co.jp pocketcard.co.jp ucscard.co.jp lifecard.co.jp dccard.co.jp americanexpress.com diners.co.jp
mastercard.co.jp kyash.co toyokeizai.net diamond.jp president.jp bunshun.jp shinchosha.co.jp
kodansha.co.jp shogakukan.co.jp shueisha.co.jp kadokawa.co.jp gakken.co.jp benesse.co.jp kumon.ne.jp
z-kai.co.jp studysapuri.jp duolingo.com google.co.jp google.com youtube.com facebook.com instagram.com
x.com twitter.com tiktok.com microsoft.com netflix.com hulu.jp abema.tv dazn.com spotify.com
wikipedia.org github.com gitlab.com stackoverflow.com qiita.com zenn.dev connpass.com slack.com zoom.us
dropbox.com box.com notion.so canva.com adobe.com autodesk.co.jp oracle.com ibm.com cisco.com intel.co.jp
nvidia.com amd.com dell.com hp.com lenovo.com asus.com acer.com logitech.com anker.com xiaomi.com
samsung.com lg.com huawei.com oppo.com airbnb.jp booking.com expedia.co.jp agoda.com trip.com
tripadvisor.jp uber.com fril.jp jmty.jp minne.com creema.jp suzuri.jp booth.pm dlsite.com dmm.com
mizuno.jp mizuno.com oricon.co.jp anabuki.co.jp australia.com line-up.jp visaonline.com sbi-kogyo.com
yamato-scale.co.jp aeonmall.com nomura-re.co.jp softbankhawks.co.jp paypal.com
sakura-cafe.jp tanaka-shoten.jp yamamoto-clinic.jp green-life.jp sunny-days.jp blue-ocean.jp happy-kids.jp
smile-dental.jp kirei-salon.jp oishii-pan.jp hana-flower.jp kobe-beef-shop.com kyoto-tea.com
tokyo-ramen.jp osaka-takoyaki.com hokkaido-milk.jp okinawa-travel.com nagoya-castle.jp fukuoka-city.jp
sapporo-snow.jp sendai-gyutan.com hiroshima-okonomi.jp nara-deer.jp kamakura-hotel.jp hakone-onsen.com
nikko-travel.jp karuizawa-shop.com izu-fishing.jp shonan-surf.com tanaka-law.jp suzuki-tax.jp
sato-dental.jp watanabe-seikotsu.jp ito-pet.jp kobayashi-bakery.jp kato-garden.jp yoshida-kogyo.co.jp
yamada-farm.jp sasaki-design.jp matsumoto-cars.jp inoue-books.jp kimura-piano.jp hayashi-clinic.jp
shimizu-home.jp yamaguchi-sake.com mori-wood.jp abe-print.jp ikeda-rice.jp hashimoto-kensetsu.co.jp
ishikawa-glass.jp ogawa-coffee.co.jp okada-electric.jp goto-fish.jp hasegawa-kagu.jp murakami-shoe.jp
kondo-hair.jp sakamoto-ryokan.jp endo-juku.jp aoki-optical.jp fujita-mochi.jp nishimura-shop.jp
fukuda-koumuten.jp ota-bike.jp miura-knife.jp fujiwara-ham.jp okamoto-music.jp matsuda-eye.jp
nakagawa-soba.jp nakano-wine.jp harada-kimono.jp ono-cafe.jp tamura-tatami.jp takeuchi-toys.jp
kaneko-shop.jp wada-pharmacy.jp nakayama-golf.jp ishida-camera.jp ueda-honey.jp morita-udon.jp
hara-yoga.jp shibata-sushi.jp sakai-cutlery.jp kudo-clinic.jp yokoyama-denki.jp miyazaki-mango.jp
uchida-yoko.co.jp takagi-shop.jp ando-lab.jp shimada-tea.jp taniguchi-art.jp ohno-dental.jp
maruyama-miso.jp imai-kobo.jp takada-bag.jp fujii-craft.jp kono-shoten.jp sugawara-farm.jp
cloud-kitchen.jp online-english.jp web-design-lab.jp support-center-osaka.jp secure-storage.jp
visa-support-tokyo.jp line-art-studio.jp pay-easy.jp card-shop-tokyo.jp login-bonus-game.jp
`)

// TestLookalikeHonestList requires at most 2 false alarms on the honest
// list above (a few hundred real companies and everyday names).
func TestLookalikeHonestList(t *testing.T) {
	d := DefaultData()
	var fa []string
	for _, n := range honestNames {
		if im, ok := d.Brands.Lookalike(n); ok {
			fa = append(fa, n+" ~ "+im.Brand.Name)
		}
	}
	t.Logf("%d false alarms on %d honest names: %v", len(fa), len(honestNames), fa)
	if len(honestNames) < 300 {
		t.Fatalf("honest list has %d names, want 300 or more", len(honestNames))
	}
	if len(fa) > 2 {
		t.Errorf("%d false alarms, want at most 2: %v", len(fa), fa)
	}
}

// BenchmarkLookalike measures one name through the look-alike matcher,
// normalisation included, over a mix of honest and imitating names.
func BenchmarkLookalike(b *testing.B) {
	d := DefaultData()
	names := append(append([]string{}, honestNames...), "smbc-card-login.com", "amazom.com", "xn--amzon-4wa.com",
		"amazon.co.jp.verify-xx.top", "rakuten-kakunin.top", "aeon-netservice.com", "jcb-login.top")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Brands.Lookalike(names[i%len(names)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

// benchNames makes n host names like those of a newly-registered-domains
// feed: random letters, dictionary-like words joined by hyphens, a few
// brand words and subdomains, under common and cheap endings.
func benchNames(n int) []string {
	words := strings.Fields(`shop tokyo osaka cafe kitchen hair salon dental clinic auto home design tech net web
		life blog store japan yamada tanaka sato suzuki green blue sun star happy smile login secure account
		amazon rakuten smbc apple line aeon jcb mercari support kakunin pay card`)
	tlds := strings.Fields("com net jp co.jp top xyz cn org info shop online ne.jp io")
	subs := []string{"www.", "m.", "login.", "secure.", "amazon.co.jp.", "mail."}
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	x := uint32(12345)
	rnd := func(k int) int {
		x = x*1664525 + 1013904223
		return int(x>>8) % k
	}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		if rnd(100) < 15 {
			b.WriteString(subs[rnd(len(subs))])
		}
		switch r := rnd(10); {
		case r < 5:
			for k := 4 + rnd(11); k > 0; k-- {
				b.WriteByte(letters[rnd(len(letters))])
			}
		case r < 9:
			for k := 1 + rnd(3); k > 0; k-- {
				b.WriteString(words[rnd(len(words))])
				if k > 1 {
					b.WriteByte('-')
				}
			}
		default:
			b.WriteString(words[rnd(len(words))])
			for k := 1 + rnd(4); k > 0; k-- {
				b.WriteByte(letters[rnd(len(letters))])
			}
		}
		b.WriteString("." + tlds[rnd(len(tlds))])
		out[i] = b.String()
	}
	return out
}

// BenchmarkLookalikeFeed measures names of a newly-registered-domains feed
// (benchNames) through the matcher, normalisation included.
func BenchmarkLookalikeFeed(b *testing.B) {
	d := DefaultData()
	names := benchNames(10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Brands.Lookalike(names[i%len(names)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

// BenchmarkDomainSignsFreshGoroutine scores the domain-lookalike sign for
// feed names each on a new goroutine, as the batch engine runs targets:
// the matcher's stack frames then cost stack growth on every name.
func BenchmarkDomainSignsFreshGoroutine(b *testing.B) {
	d := DefaultData()
	names := benchNames(10000)
	rule := domainLookalikeRule()
	done := make(chan struct{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := names[i%len(names)]
		go func() {
			rule.Check(&Site{Target: n, URL: "https://" + n + "/", Host: n, Data: d})
			done <- struct{}{}
		}()
		<-done
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

// BenchmarkLookalikeHonest measures one honest name through the matcher,
// normalisation included: what most targets of a batch cost.
func BenchmarkLookalikeHonest(b *testing.B) {
	d := DefaultData()
	names := append(append([]string{}, honestNames...), "shop1.test", "shop-tegami.jp", "yamada-kitchen.co.jp", "www.example-store.com")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Brands.Lookalike(names[i%len(names)])
	}
}
