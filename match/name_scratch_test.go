package match

import "testing"

func TestScratchTry(t *testing.T) {
	for _, s := range []string{"Foo Co., Ltd.","Foo Pte. Ltd.","Foo Sdn. Bhd.","Foo S.p.A.","Foo S.r.l.","Foo AG & Co. KGaA","Foo SE & Co. KGaA","Foo B.V.","Foo N.V.","Foo S.A.S.","Foo S.A.R.L.","Foo Kft.","Foo d.o.o.","Foo d.d.","Foo a.s.","Foo s.r.o.","Foo Oy Ab","Foo ApS","Foo K/S","Foo I/S","Foo Ltda.","Foo S.A.C.","Foo EIRELI","Foo PLLC","Foo P.C.","Foo (Pvt) Ltd","Foo Private Limited","Foo Public Company Limited","Foo Berhad","Foo Limited Liability Company","Foo L.L.C.","Foo, Inc","Foo Incorporated","Foo Co Inc","Foo Company, Inc.","Foo Holding AG","PT. Foo","P.T. Foo","CV. Foo","ООО «Ромашка»","ООО \"Ромашка\"","TOO Foo","UAB Foo","SIA \"Foo\"","S.C. Foo S.A.","Foo Anonim Şirketi","Foo Ltd. Şti.","Foo Sanayi ve Ticaret A.Ş.","Foo Inc. DBA: Bar","Foo d.b.a. Bar","Foo T/A Bar","Foo (trading as Bar)","Foo a/k/a Bar","Foo Corp /NEW/","Foo AB (publ)","Foo (The)","N.A.","NONE","Not Applicable","Freelancer","Retired","0","@gmail.com","www.gmail.com","Gmail","jane@gmail.com","Foo GmbH i.L.","Foo e.V.","Foo gGmbH","Foo UG (haftungsbeschränkt)","Foo Sp. j.","Foo S.A. de C.V., SOFOM, E.N.R.","Foo KK","Foo K.K.","Foo Kabushiki Kaisha","Foo Y.K.","Foo GK","Foo Ltd (in liquidation)","Foo LLC (Delaware)","Foo Limited (Hong Kong)","Foo Inc., a Delaware corporation","The Foo","Foo, The","Foo Ltd.,","FOO LTD.-","Foo P/L","Foo Pty. Ltd. ATF Bar Trust","Foo NL","Foo Corp. Ltd.","Foo Co Ltd","Foo Company Limited","Foo (HK) Co., Limited","北京百度网讯科技有限公司","腾讯控股有限公司","台灣積體電路製造股份有限公司","Ｆｏｏ　株式会社","ФОО ЛТД","Фоо АО","АО «Фоо»","Foo ΑΕ","Foo Α.Ε.","Foo ΕΠΕ","Foo Ο.Ε."} {
		n := ParseName(s)
		t.Logf("%q -> %q | disp %q forms %v trade %v %v q %v a %v ph %v", s, NormalizeName(s), n.Display, n.LegalForms, n.TradeNames, n.TradeDisplays, n.Qualifiers, n.Annotations, n.Placeholder)
	}
}
