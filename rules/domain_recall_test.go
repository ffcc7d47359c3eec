package rules

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// keyboard neighbours on a QWERTY keyboard, for replacement and insertion
// typos the way dnstwist makes them.
var qwerty = map[byte]string{
	'1': "2q", '2': "3wq1", '3': "4ew2", '4': "5re3", '5': "6tr4", '6': "7yt5", '7': "8uy6", '8': "9iu7", '9': "0oi8", '0': "po9",
	'q': "12wa", 'w': "3esaq2", 'e': "4rdsw3", 'r': "5tfde4", 't': "6ygfr5", 'y': "7uhgt6", 'u': "8ijhy7", 'i': "9okju8", 'o': "0plki9", 'p': "lo0",
	'a': "qwsz", 's': "edxzaw", 'd': "rfcxse", 'f': "tgvcdr", 'g': "yhbvft", 'h': "ujnbgy", 'j': "ikmnhu", 'k': "olmji", 'l': "kop",
	'z': "asx", 'x': "zsdc", 'c': "xdfv", 'v': "cfgb", 'b': "vghn", 'n': "bhjm", 'm': "njk",
}

var homoglyphs = map[rune][]string{
	'a': {"а", "ą", "à"}, 'c': {"с"}, 'e': {"е", "é"}, 'i': {"1", "í"}, 'l': {"1", "I"}, 'm': {"rn"}, 'o': {"0", "о", "ö"},
	'p': {"р"}, 's': {"ѕ"}, 'u': {"ü"}, 'w': {"vv"}, 'd': {"cl"}, 'n': {"ń"}, 'k': {"κ"}, 'r': {"г"},
}

// variants makes look-alikes of label the way dnstwist does: omission,
// insertion and replacement with keyboard neighbours, transposition,
// repetition, vowel swap, homoglyphs, bit flips, hyphenation, and
// additions. Each is tagged with its fuzzer.
func variants(label string) map[string]string {
	out := map[string]string{}
	add := func(kind, v string) {
		if v != label && v != "" && !strings.HasPrefix(v, "-") && !strings.HasSuffix(v, "-") && !strings.Contains(v, "--") {
			if _, ok := out[v]; !ok {
				out[v] = kind
			}
		}
	}
	for i := 0; i < len(label); i++ {
		add("omission", label[:i]+label[i+1:])
		add("repetition", label[:i]+string(label[i])+label[i:])
		for _, n := range qwerty[label[i]] {
			add("replacement", label[:i]+string(n)+label[i+1:])
			add("insertion", label[:i]+string(n)+label[i:])
		}
		if i+1 < len(label) {
			add("transposition", label[:i]+string(label[i+1])+string(label[i])+label[i+2:])
		}
		if strings.IndexByte("aeiou", label[i]) >= 0 {
			for _, v := range "aeiou" {
				add("vowel-swap", label[:i]+string(v)+label[i+1:])
			}
		}
		for _, h := range homoglyphs[rune(label[i])] {
			add("homoglyph", label[:i]+h+label[i+1:])
		}
		for b := 0; b < 8; b++ {
			c := label[i] ^ (1 << b)
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
				add("bitsquatting", label[:i]+string(c)+label[i+1:])
			}
		}
		if i > 0 && label[i] != '-' && label[i-1] != '-' {
			add("hyphenation", label[:i]+"-"+label[i:])
		}
	}
	for _, w := range []string{"-login", "-jp", "-support", "-kakunin", "-secure", "login-", "-co-jp", "-account"} {
		if strings.HasPrefix(w, "-") {
			add("addition", label+w)
		} else {
			add("addition", w+label)
		}
	}
	return out
}

// recallTargets are the brands' official labels with a typo budget (five
// letters or more), which is what a typo squatter imitates.
func recallTargets(d *Data) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range d.Brands.All() {
		for _, dom := range b.Domains {
			h, err := ParseHost(dom)
			if err != nil || len(h.Sub) > 0 || len(h.Label) < 5 || seen[h.Label] {
				continue
			}
			seen[h.Label] = true
			out = append(out, h.Label)
		}
	}
	sort.Strings(out)
	return out
}

// TestLookalikeRecall generates look-alikes of every brand label the
// dnstwist way and requires that at least 90 % of those that are not
// themselves official or honest words are found, under .com and a TLD swap.
func TestLookalikeRecall(t *testing.T) {
	d := DefaultData()
	total, found := 0, 0
	byKind := map[string][2]int{}
	var missed []string
	for _, label := range recallTargets(d) {
		for v, kind := range variants(label) {
			for _, tld := range []string{".com", ".top"} {
				host := v + tld
				h, err := ParseHost(host)
				if err != nil || d.Brands.officialHost(h) || allowed(h.ASCII) || words().honest[Fold(v)] {
					continue
				}
				total++
				k := byKind[kind]
				k[0]++
				if _, ok := d.Brands.LookalikeHost(h); ok {
					found++
					k[1]++
				} else if len(missed) < 4000 {
					missed = append(missed, host+" ("+kind+")")
				}
				byKind[kind] = k
			}
		}
	}
	recall := float64(found) / float64(total)
	var kinds []string
	for k, v := range byKind {
		kinds = append(kinds, fmt.Sprintf("%s %d/%d", k, v[1], v[0]))
	}
	sort.Strings(kinds)
	t.Logf("recall %.1f%% (%d of %d look-alikes of %d labels): %s", 100*recall, found, total, len(recallTargets(d)), strings.Join(kinds, ", "))
	if testing.Verbose() && len(missed) > 0 {
		t.Logf("some missed: %s", strings.Join(missed[:min(len(missed), 40)], " "))
	}
	if recall < 0.90 {
		t.Errorf("recall %.1f%% is under 90%%", 100*recall)
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
seven-bank.co.jp gmo-aozora.com tokaitokyo.co.jp daiwa.jp monex.co.jp matsui.co.jp kabu.com
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
yamato-scale.co.jp smbc-nikko.co.jp aeonmall.com nomura-re.co.jp softbankhawks.co.jp paypal.com
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
