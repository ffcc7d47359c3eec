#!/bin/sh
# Rebuilds the .eml fixtures whose bytes are not plain UTF-8 text.
# Bodies are written as UTF-8 here and converted with iconv; headers use
# RFC 2047 encoded words made with base64(1). Run from this folder.
set -e
b64() { base64 -w0; }
ew() { # ew CHARSET TEXT: one RFC 2047 B-encoded word
  printf '=?%s?B?%s?=' "$1" "$(printf '%s' "$2" | iconv -f UTF-8 -t "$1" | b64)"
}

# 1. ISO-2022-JP, 7bit: a card-company phishing mail (三井住友カード).
{
  printf 'Return-Path: <info@smbc-card-security.cn>\r\n'
  printf 'From: %s <info@smbc-card-security.cn>\r\n' "$(ew ISO-2022-JP '三井住友カード')"
  printf 'To: user@example.jp\r\n'
  printf 'Subject: %s\r\n' "$(ew ISO-2022-JP '【三井住友カード】ご利用確認のお願い')"
  printf 'Date: Mon, 02 Jun 2025 09:12:00 +0900\r\n'
  printf 'Message-ID: <20250602091200.1@smbc-card-security.cn>\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: text/plain; charset=ISO-2022-JP\r\n'
  printf 'Content-Transfer-Encoding: 7bit\r\n\r\n'
  iconv -f UTF-8 -t ISO-2022-JP <<'BODY' | sed 's/$/\r/'
いつも三井住友カードをご利用いただきありがとうございます。
お客様のカードに第三者による不正利用の可能性がある取引を検知したため、ご利用を一時停止いたしました。
24時間以内に下記URLよりログインし、カード番号・有効期限・セキュリティコードをご入力のうえご本人確認を行ってください。
ご確認はこちらhttps://smbc-card.vpass-login.cn/login?id=a9f3から
ご確認いただけない場合、カードのご利用を制限させていただきます。

三井住友カード株式会社
BODY
} > smbc-iso2022jp.eml

# 2. Shift_JIS, 8bit: a fake bill (架空請求).
{
  printf 'From: %s <seikyu@yuryo-saito-center.example.com>\r\n' "$(ew SHIFT_JIS '有料サイト料金回収センター')"
  printf 'To: user@example.jp\r\n'
  printf 'Subject: %s\r\n' "$(ew SHIFT_JIS '【最終通告】未払い料金のお知らせ')"
  printf 'Date: Tue, 03 Jun 2025 10:00:00 +0900\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: text/plain; charset=Shift_JIS\r\n'
  printf 'Content-Transfer-Encoding: 8bit\r\n\r\n'
  iconv -f UTF-8 -t SHIFT_JIS <<'BODY' | sed 's/$/\r/'
お客様がご利用になった有料動画サイトの利用料金が未払いとなっております。
本日中にご連絡がない場合、法的措置に移行し、ご自宅に伺うことになります。
お問い合わせ：03-0000-0000（担当：佐藤）
詳細は yuryo-saito-center.example.com/seikyu をご確認ください。
BODY
} > sjis-fake-bill.eml

# 3. UTF-8, multipart/alternative, both parts base64: Amazon phishing whose
#    HTML link shows the official address but goes elsewhere.
{
  printf 'From: "Amazon.co.jp" <account-update@amazon-security.top>\r\n'
  printf 'To: user@example.jp\r\n'
  printf 'Subject: %s\r\n' "$(ew UTF-8 'Amazonアカウントの利用を停止しました')"
  printf 'Date: Wed, 04 Jun 2025 08:00:00 +0900\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: multipart/alternative; boundary="=_alt_42"\r\n\r\n'
  printf 'This is a multi-part message in MIME format.\r\n'
  printf -- '--=_alt_42\r\nContent-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
  base64 -w 76 <<'BODY' | sed 's/$/\r/'
Amazonをご利用いただきありがとうございます。
お客様のアカウントで不審なログインが検出されたため、アカウントをロックしました。
48時間以内にお支払い情報を更新してください。
https://www.amazon.co.jp/
BODY
  printf -- '--=_alt_42\r\nContent-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
  base64 -w 76 <<'BODY' | sed 's/$/\r/'
<html><body>
<p>Amazonをご利用いただきありがとうございます。</p>
<p>お客様のアカウントで不審なログインが検出されたため、アカウントをロックしました。</p>
<p>48時間以内にお支払い情報を更新してください。</p>
<p><a href="https://amazon-co-jp.account-update.top/ap/signin?ref=mail">https://www.amazon.co.jp/</a></p>
<p>© 1996-2025, Amazon.com, Inc. or its affiliates</p>
</body></html>
BODY
  printf -- '--=_alt_42--\r\n'
} > amazon-alt-base64.eml

# 4. UTF-8 quoted-printable delivery lure with an HTML attachment (RFC 2231
#    file name) and an executable disguised as a PDF.
qp() { python3 -c 'import sys,quopri; sys.stdout.write(quopri.encodestring(sys.stdin.buffer.read()).decode())'; }
{
  printf 'From: %s <no-reply@kuroneko-delivery.example.net>\r\n' "$(ew UTF-8 'ヤマト運輸')"
  printf 'To: user@example.jp\r\n'
  printf 'Subject: %s\r\n' "$(ew UTF-8 'お荷物お届けのお知らせ')"
  printf 'Date: Thu, 05 Jun 2025 12:00:00 +0900\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: multipart/mixed; boundary="mix-7"\r\n\r\n'
  printf -- '--mix-7\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
  qp <<'BODY' | sed 's/$/\r/'
ヤマト運輸です。お客様宛のお荷物をお届けにあがりましたが、宛先不明のため持ち帰りました。
再配達のお手続きは hxxps://kuroneko-yamato[.]delivery-jp[.]top/redeliver よりお願いいたします。
保管期限を過ぎますと返送となります。
BODY
  printf -- '--mix-7\r\nContent-Type: text/html; charset=utf-8\r\n'
  printf "Content-Disposition: attachment; filename*=UTF-8''%%E4%%BC%%9D%%E7%%A5%%A8.html\r\n"
  printf 'Content-Transfer-Encoding: base64\r\n\r\n'
  printf '<html><body><form action="https://collect.delivery-jp.top/p.php" method="post"><input name="card"></form></body></html>' | base64 -w 76 | sed 's/$/\r/'
  printf -- '--mix-7\r\nContent-Type: application/octet-stream; name="invoice.pdf.exe"\r\n'
  printf 'Content-Disposition: attachment; filename="invoice.pdf.exe"\r\n'
  printf 'Content-Transfer-Encoding: base64\r\n\r\n'
  printf 'MZ\220\0' | base64 | sed 's/$/\r/'
  printf -- '--mix-7--\r\n'
} > yamato-qp-attach.eml

# 5. A genuine shipping notice from Amazon: official sender and links only.
{
  printf 'From: "Amazon.co.jp" <shipment-tracking@amazon.co.jp>\r\n'
  printf 'To: user@example.jp\r\n'
  printf 'Subject: %s\r\n' "$(ew UTF-8 'Amazon.co.jp ご注文の商品を発送しました')"
  printf 'Date: Fri, 06 Jun 2025 07:00:00 +0900\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: text/plain; charset=UTF-8\r\n'
  printf 'Content-Transfer-Encoding: base64\r\n\r\n'
  base64 -w 76 <<'BODY' | sed 's/$/\r/'
Amazon.co.jpをご利用いただき、ありがとうございます。
ご注文の商品を発送しました。お荷物の配送状況は次のページでご確認いただけます。
https://www.amazon.co.jp/gp/your-account/order-history
Amazon.co.jp カスタマーサービス
BODY
} > genuine-amazon.eml

# 6. UTF-8 HTML only: an Amazon lure salted with a hidden warning (text a
# mail client never shows, there to make the lure read as a warning).
{
  printf 'From: "Amazon" <account-update@amazon-security-jp.top>\r\n'
  printf 'To: user@example.jp\r\n'
  printf 'Subject: %s\r\n' "$(ew UTF-8 '【重要】アカウントが一時停止されました')"
  printf 'Date: Sat, 28 Nov 2026 08:30:00 +0900\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: text/html; charset=UTF-8\r\n\r\n'
  sed 's/$/\r/' <<'BODY'
<html><body>
<div style="display:none; max-height:0; overflow:hidden">【注意喚起】Amazonを装ったフィッシングメールにご注意ください。</div>
<div style="display:none">以下は実際に確認された詐欺メールの文面です。メール内のリンクは絶対に開かないでください。消費者ホットライン188、警察相談専用電話#9110。</div>
<p>Amazonをご利用いただきありがとうございます。</p>
<p>お客様のアカウントで異常なログインが検出されたため、アカウントを一時停止しました。24時間以内に以下のリンクからお支払い情報を更新してください。更新がない場合、アカウントは削除されます。</p>
<p><a href="https://amazon-security-jp.top/verify">アカウントを確認する</a></p>
</body></html>
BODY
} > amazon-hidden-salt.eml
