<html>
<head><title>珈琲豆の店 まめや本舗 / 特定商取引に関する法律に基づく表記</title></head>
<body>
<h2>特定商取引に関する法律に基づく表記</h2>
<table>
<tr><th>販売業者</th><td>株式会社まめや本舗</td></tr>
<tr><th>運営責任者</th><td>浅野 誠一</td></tr>
<tr><th>住所</th><td>〒111-0032<br>東京都台東区浅草2-3-1</td></tr>
<tr><th>電話番号</th><td>03-3844-6610</td></tr>
<tr><th>FAX番号</th><td>03-3844-6611</td></tr>
<tr><th>メールアドレス</th><td>info@mameya-honpo.co.jp</td></tr>
<tr><th>URL</th><td>http://www.mameya-honpo.co.jp/</td></tr>
<tr><th>商品以外の必要代金</th><td>送料、代引手数料、振込手数料</td></tr>
<tr><th>注文方法</th><td>インターネット、FAX</td></tr>
<tr><th>支払方法</th><td>クレジットカード、代金引換、郵便振替、銀行振込</td></tr>
<tr><th>支払期限</th><td>前払いの場合はご注文から7日以内</td></tr>
<tr><th>引渡し時期</th><td>ご注文から3日以内に発送</td></tr>
<tr><th>返品・交換について</th><td>不良品の場合のみ、到着後7日以内にご連絡ください</td></tr>
</table>
</body>
</html>
