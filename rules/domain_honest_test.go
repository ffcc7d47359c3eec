package rules

import (
	"strings"
	"testing"
)

// honestOfficial are the brands' own hosts: every official domain of
// BRANDS.md and the subdomains people meet, and the brands' other domains
// (group companies, country sites, link shorteners) that brands.json lists.
var honestOfficial = strings.Fields(`
amazon.co.jp www.amazon.co.jp amazon.com www.amazon.com smile.amazon.com aws.amazon.com pay.amazon.co.jp
aboutamazon.jp www.aboutamazon.jp amzn.asia amzn.to a.co m.media-amazon.com images-na.ssl-images-amazon.com
amazon.jp amazon.de amazon.co.uk amazon.fr amazon.com.au amazon.in amzn.com amzn.eu primevideo.com audible.co.jp
aboutamazon.com amazon.jobs amazon.science amazonaws.com s3.amazonaws.com
smbc-card.com www.smbc-card.com vpass.ne.jp www.vpass.ne.jp smbcgroup-point.jp otp-auth.net
smbc.co.jp www.smbc.co.jp direct.smbc.co.jp smbcgroup.com
mufg.jp www.mufg.jp bk.mufg.jp www.bk.mufg.jp cr.mufg.jp entry11.bk.mufg.jp
mizuhobank.co.jp www.mizuhobank.co.jp web.ib.mizuhobank.co.jp mizuho-bk.co.jp mizuho-fg.co.jp mizuho-sc.com
mizuho-tb.co.jp mizuhogroup.com mizuho-rt.co.jp mizuho-ri.co.jp www.mizuho-ri.co.jp
japanpost.jp www.japanpost.jp jp-bank.japanpost.jp www.jp-bank.japanpost.jp post.japanpost.jp
trackings.post.japanpost.jp jp-bank.jp direct.jp-bank.japanpost.jp
rakuten.co.jp www.rakuten.co.jp item.rakuten.co.jp search.rakuten.co.jp travel.rakuten.co.jp books.rakuten.co.jp
rakuten-card.co.jp www.rakuten-card.co.jp rakuten-bank.co.jp www.rakuten-bank.co.jp rakuten-sec.co.jp
www.rakuten-sec.co.jp rakuten.com www.rakuten.com rakuten.ne.jp rakuten.jp r10s.jp rakuten.tv rakuten.ca
rakuten.com.tw rakuten.today
jcb.co.jp www.jcb.co.jp my.jcb.co.jp jcb.jp www.jcb.jp
aeon.co.jp www.aeon.co.jp aeonbank.co.jp www.aeonbank.co.jp aeon.com www.aeon.com aeonmall.com aeon.info aeonnetshop.com
www.aeon.info aeoncard.co.jp aeonretail.jp
au.com www.au.com auone.jp id.auone.jp aupay.auone.jp kddi.com www.kddi.com kddi-research.jp kddi-fs.com www.kddi-fs.com
docomo.ne.jp www.docomo.ne.jp smt.docomo.ne.jp nttdocomo.co.jp www.nttdocomo.co.jp docomo-cycle.jp
softbank.jp www.softbank.jp mb.softbank.jp softbank.ne.jp softbank.co.jp www.softbank.co.jp
nta.go.jp www.nta.go.jp e-tax.nta.go.jp www.e-tax.nta.go.jp
eki-net.com www.eki-net.com jreast.co.jp www.jreast.co.jp
etc-meisai.jp www.etc-meisai.jp smile-etc.jp
paypay.ne.jp www.paypay.ne.jp about.paypay.ne.jp paypay-bank.co.jp www.paypay-bank.co.jp paypay-card.co.jp
mercari.com jp.mercari.com www.mercari.com mercari.jp merpay.com mercari-shops.com
sbisec.co.jp www.sbisec.co.jp netbk.co.jp www.netbk.co.jp
saisoncard.co.jp www.saisoncard.co.jp 01epos.jp www.01epos.jp eposcard.co.jp www.eposcard.co.jp
micard.co.jp www.micard.co.jp resonabank.co.jp www.resonabank.co.jp resona-gr.co.jp
kuronekoyamato.co.jp www.kuronekoyamato.co.jp toi.kuronekoyamato.co.jp yamato-hd.co.jp www.yamato-hd.co.jp
sagawa-exp.co.jp www.sagawa-exp.co.jp k2k.sagawa-exp.co.jp
tepco.co.jp www.tepco.co.jp ana.co.jp www.ana.co.jp jal.co.jp www.jal.co.jp jal.com
apple.com www.apple.com appleid.apple.com support.apple.com icloud.com www.icloud.com apple.co.jp
apple.com.cn icloud.com.cn apple.news
visa.co.jp www.visa.co.jp visa.com www.visa.com visa.de visa.co.uk
line.me lin.ee line.naver.jp access.line.me line.biz
yahoo.co.jp www.yahoo.co.jp shopping.yahoo.co.jp news.yahoo.co.jp auctions.yahoo.co.jp paypayfleamarket.yahoo.co.jp
yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.com.tw
nomura.co.jp www.nomura.co.jp nomura.com nomuraholdings.com jabank.org www.jabank.org
orico.co.jp www.orico.co.jp jibunbank.co.jp www.jibunbank.co.jp
paypal.com www.paypal.com paypal.me paypal.jp paypal.de paypal-community.com
`)

// honestTraps are the traps BRANDS.md names and honest names that merely
// contain a short brand name, or sit one change from a brand's: real
// companies and services that have nothing to do with the brand.
var honestTraps = strings.Fields(`
nta.co.jp www.nta.co.jp jalan.net www.jalan.net paypal.com anabuki.co.jp australia.com
kepco.co.jp hepco.co.jp chuden.co.jp kyuden.co.jp tohoku-epco.co.jp yonden.co.jp rikuden.co.jp energia.co.jp
okiden.co.jp resonac.com namura.co.jp orix.co.jp oricon.co.jp eon.com aeon.co yamaha.com yamaha-motor.co.jp
jcom.co.jp nttdata.com ntt.co.jp ntt.com ntt-east.co.jp ntt-west.co.jp jalux.com nri.com nomurakougei.co.jp
smbcnikko.co.jp smtb.jp smfg.co.jp saison-am.co.jp sg-hldgs.co.jp aucfan.com linemo.jp ahamo.com povo.jp
rakuten-life.co.jp rakuten-sonpo.co.jp rakuten-wallet.co.jp mizuno.jp applebees.com snapple.com
westjr.co.jp jrhokkaido.co.jp jr-shikoku.co.jp jrfreight.co.jp jr-central.co.jp jrkyushu.co.jp
antiphishing.jp jc3.or.jp jpcert.or.jp kokusen.go.jp ipa.go.jp npa.go.jp caa.go.jp
nikkei.com online-shop.jp airline.jp dental-nta.jp rental-car.jp banana-republic.jp auction.jp
`)

// honestCompanies are real Japanese companies', shops', services' and
// public bodies' domains (with co.jp, ne.jp, or.jp, go.jp, ac.jp, jp and
// generic endings), none of them a brand's look-alike.
var honestCompanies = strings.Fields(`
shizuokabank.co.jp boy.co.jp chibabank.co.jp 77bank.co.jp gunmabank.co.jp joyobank.co.jp hirogin.co.jp
iyobank.co.jp suruga-bank.co.jp tokyostarbank.co.jp lawsonbank.jp hokuyobank.co.jp kyotobank.co.jp
juroku.co.jp hyakugo.co.jp hachijuni.co.jp ryugin.co.jp kiraboshibank.co.jp ashikagabank.co.jp
musashinobank.co.jp keiyobank.co.jp nanto.co.jp sbishinseibank.co.jp
ponta.jp tsite.jp paidy.com aflac.co.jp metlife.co.jp prudential.co.jp sonylife.co.jp zenrosai.coop
am-one.co.jp nikkoam.com okasan.co.jp iwaicosmo.co.jp gaitame.com click-sec.com bitflyer.com coincheck.com
bitbank.cc jpx.co.jp
uqwimax.jp ymobile.jp mineo.jp iijmio.jp nuro.jp eonet.jp commufa.jp bbiq.jp
qoo10.jp wowma.jp sofmap.com dospara.co.jp tsukumo.co.jp pc-koubou.jp ark-pc.co.jp irisohyama.co.jp
ikea.com francfranc.com loft.co.jp hands.net shimamura.gr.jp workman.co.jp aoki-style.com y-aoyama.jp
abc-mart.net supersports.com alpen-group.jp murasaki.jp 2ndstreet.jp treasure-f.com komehyo.co.jp
hardoff.co.jp geo-online.co.jp kinokuniya.co.jp junkudo.co.jp honto.jp e-hon.ne.jp
takashimaya.co.jp daimaru.co.jp sogo-seibu.jp hankyu-dept.co.jp tokyu-dept.co.jp parco.jp lumine.ne.jp
0101.co.jp atre.co.jp mitsui-shopping-park.com summitstore.co.jp maruetsu.co.jp tokyu-store.co.jp
seijoishii.com kaldi.co.jp gyomusuper.jp costco.co.jp trial-net.co.jp heiwado.jp izumi.co.jp
cocokarafine.co.jp kirindo.co.jp
mcdonalds.co.jp mos.jp lotteria.jp kfc.co.jp sukiya.jp yoshinoya.com matsuyafoods.co.jp skylark.co.jp
saizeriya.co.jp royalhost.jp dennys.jp ichibanya.co.jp toridoll.com akindo-sushiro.co.jp kurasushi.co.jp
hamazushi.com kappasushi.jp starbucks.co.jp doutor.co.jp tullys.co.jp komeda.co.jp misterdonut.jp
pizza-la.co.jp dominos.jp pizzahut.jp demae-can.com ubereats.com wolt.com oisix.com seikatsuclub.coop
club-t.com skyticket.jp tour.ne.jp yukoyuko.net relux.jp hoshinoresorts.com princehotels.co.jp
apahotel.com toyoko-inn.com dormy-hotels.com route-inn.co.jp superhotel.co.jp okura-nikko.com
imperialhotel.co.jp newotani.co.jp airdo.jp solaseedair.jp fujidream.co.jp ibexair.co.jp springjapan.com
narita-airport.jp tokyo-haneda.com kansai-airport.or.jp centrair.jp c-nexco.co.jp e-nexco.co.jp
w-nexco.co.jp shutoko.jp hanshin-exp.co.jp driveplaza.com timescar.jp nipponrentacar.co.jp
nihon-kotsu.co.jp keikyu.co.jp keisei.co.jp tobu.co.jp seiburailway.jp sotetsu.co.jp hanshin.co.jp
keihan.co.jp nankai.co.jp nishitetsu.co.jp osakametro.co.jp pasmo.co.jp smart-ex.jp expy.jp
seino.co.jp fukutsu.co.jp nittsu.co.jp logisteed.com ecohai.co.jp
soumu.go.jp moj.go.jp mofa.go.jp mof.go.jp fsa.go.jp jpo.go.jp digital.go.jp cao.go.jp env.go.jp
maff.go.jp mlit.go.jp mext.go.jp jftc.go.jp ppc.go.jp nisc.go.jp nenkin.go.jp e-gov.go.jp myna.go.jp
courts.go.jp jma.go.jp city.osaka.lg.jp city.yokohama.lg.jp pref.hokkaido.lg.jp city.sapporo.jp
city.nagoya.jp city.kobe.lg.jp city.fukuoka.lg.jp police.pref.osaka.lg.jp keishicho.metro.tokyo.lg.jp
jaf.or.jp
osaka-u.ac.jp tohoku.ac.jp nagoya-u.ac.jp kyushu-u.ac.jp hokudai.ac.jp hit-u.ac.jp tsukuba.ac.jp
kobe-u.ac.jp sophia.ac.jp meiji.ac.jp rikkyo.ac.jp aoyama.ac.jp chuo-u.ac.jp hosei.ac.jp doshisha.ac.jp
ritsumei.ac.jp kansai-u.ac.jp kwansei.ac.jp nihon-u.ac.jp toyo.ac.jp komazawa-u.ac.jp senshu-u.ac.jp
nikkansports.com sponichi.co.jp hochi.news daily.co.jp sanspo.com j-cast.com huffingtonpost.jp
natalie.mu crank-in.net famitsu.com 4gamer.net dengekionline.com cinematoday.jp eiga.com filmarks.com
walkerplus.com mapion.co.jp zenrin.co.jp goo.ne.jp infoseek.co.jp msn.com bing.com smartnews.com
gunosy.com newspicks.com prtimes.jp atpress.ne.jp value-press.com
heteml.jp wix.com jimdo.com ameblo.jp fc2.com hatenablog.com livedoor.blog seesaa.net mbga.jp
cygames.co.jp playstation.com pokemon.co.jp bandai.co.jp takaratomy.co.jp sanrio.co.jp
tokyodisneyresort.jp usj.co.jp t.pia.jp eplus.jp l-tike.com peatix.com doorkeeper.jp lancers.jp
crowdworks.jp coconala.com timee.co.jp wantedly.com green-japan.com type.jp buyma.com magaseek.com
fashion-press.net wear.jp ec-cube.net kurashiru.com delishkitchen.tv macaro-ni.jp retty.me ozmall.co.jp
smocca.jp goo-net.com carsensor.net gulliver.co.jp zaim.net
shionogi.com chugai-pharm.co.jp sumitomo-pharma.co.jp kyowakirin.co.jp terumo.co.jp omron.co.jp
tanita.co.jp hisamitsu.co.jp rohto.co.jp santen.com taisho.co.jp kobayashi.co.jp fancl.co.jp dhc.co.jp
orbis.co.jp kanebo-cosmetics.co.jp mandom.co.jp kracie.co.jp pigeon.co.jp
daikin.co.jp makita.co.jp kawasaki-motors.com khi.co.jp ihi.co.jp komatsu.jp kubota.co.jp yanmar.com
denso.com aisin.com bridgestone.co.jp y-yokohama.com toto.co.jp lixil.co.jp rinnai.co.jp noritz.co.jp
zojirushi.co.jp tiger-corporation.com balmuda.com dyson.co.jp shimano.com asics.com descente.co.jp
goldwin.co.jp montbell.jp snowpeak.co.jp coleman.co.jp yonex.co.jp pilot.co.jp pentel.co.jp zebra.co.jp
kokuyo.co.jp tombow.com mpuni.co.jp fujifilm.com konicaminolta.jp murata.com tdk.com rohm.co.jp
keyence.co.jp fanuc.co.jp smcworld.com nidec.com renesas.com kioxia.com elecom.co.jp buffalo.jp
iodata.jp sanwa.co.jp audio-technica.co.jp jvckenwood.com denon.jp teac.co.jp roland.com korg.com
kawai.jp lexus.jp isuzu.co.jp hino.co.jp mitsubishi-motors.co.jp autobacs.com yellowhat.jp
mitsui.com mitsubishi.com mitsubishicorp.com mhi.com mitsubishielectric.co.jp sumitomocorp.com
sumitomo-chem.co.jp itochu.co.jp marubeni.com sojitz.com toyota-tsusho.com
`)

// TestLookalikeHonestBroad runs the brands' own hosts, the traps and
// several hundred real companies through domain-lookalike: at most one
// may be flagged (none is today).
func TestLookalikeHonestBroad(t *testing.T) {
	d := DefaultData()
	var all []string
	for _, list := range [][]string{honestOfficial, honestTraps, honestCompanies, honestNames} {
		all = append(all, list...)
	}
	var fa []string
	for _, n := range all {
		if im, ok := d.Brands.Lookalike(n); ok {
			fa = append(fa, n+" ~ "+im.Brand.Name+" ("+ImitationMessage(im).EN+")")
		}
	}
	t.Logf("%d false alarms on %d honest names", len(fa), len(all))
	if len(all) < 1000 {
		t.Errorf("honest lists hold %d names, want 1000 or more", len(all))
	}
	if len(fa) > 1 {
		t.Errorf("%d false alarms, want at most 1:\n%s", len(fa), strings.Join(fa, "\n"))
	}
	for _, n := range fa {
		t.Log("false alarm: " + n)
	}
}

// TestBrandsOfficialCovered requires that every official domain of
// BRANDS.md is official in the brand data (the recall test leaves them
// out, and a missing one would be flagged as its own look-alike).
func TestBrandsOfficialCovered(t *testing.T) {
	d := DefaultData()
	for _, dom := range twistOfficial {
		if len(d.Brands.OfficialFor(dom)) == 0 {
			t.Errorf("%s: not official in brands.json", dom)
		}
	}
}
