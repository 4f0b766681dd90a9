namespace PayNet.Sandbox.Card;

/// <summary>Display texts of card.md §2 (bank programmes, transaction types, card types, instalments).</summary>
public static class CardNames
{
    public static string Bank(string bankId) => bankId switch
    {
        "ADVT" => "Advantage", "AXSS" => "Axess", "BONS" => "Bonus", "DENZ" => "Denizbank", "FINS" => "CardFinans",
        "KVYT" => "Kuveyt Türk", "MAXM" => "Maximum", "ODEA" => "Odea", "PARF" => "Paraf", "VAKF" => "Vakıfbank",
        "WRLD" => "WorldCard", "ZDGR" => "Diğer Banka", "ZRTB" => "Ziraat Bankası", _ => bankId,
    };

    public static string XactType(string xactType) => xactType switch
    {
        "S" => "Satış", "R" => "İptal", "CD" => "İade", "CR" => "Finansallaştırma", "PI" => "Puan İptal",
        "PK" => "Puan Kullanımı", "PR" => "Provizyon", "RC" => "Finansallaştırma İptal", "RP" => "Provizyon İptal", _ => xactType,
    };

    public static string CardType(string cardType) => cardType switch
    {
        "bc" => "Ticari kart", "cc" => "Bireysel kart", "dc" => "Banka kartı", _ => cardType,
    };

    public static string Instalment(int instalment) => instalment == 0 ? "Peşin" : $"{instalment} Taksit";

    public static string PaymentString(string bankId, int instalment) =>
        $"{Bank(bankId)} {(instalment == 0 ? "Tek çekim" : $"{instalment} Taksit")}";
}
