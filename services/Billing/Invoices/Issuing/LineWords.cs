using System.Globalization;

using Reseller.Billing.Invoices.Documents;
using Reseller.Contracts.Credits;

namespace Reseller.Billing.Invoices.Issuing;

/// <summary>
/// The words of invoice lines in one language (<see cref="Pricing.LineText"/>), numbers and dates written as the language's
/// documents write them. <c>{0}</c>, <c>{1}</c>… mark the values each takes. Catalog names (products, tiers, add-ons) are
/// the product's own and stay as the catalog gives them.
/// </summary>
public sealed record LineWords(
    string Month,
    string Year,
    string PlanWithContacts,
    string PlanPerUser,
    string ExtraSeats,
    string AddOn,
    string Prorated,
    string UnusedPeriod,
    string PrepaidPack,
    string Pack,
    IReadOnlyDictionary<string, string> KindNames,
    DocumentLabels Labels)
{
    public static readonly LineWords English = new(
        "month", "year", "{0} {1}, {2} contacts, 1 {3}", "{0} {1}, 1 {2}", "Extra seats, 1 {0}", "{0}, 1 {1}",
        "{0}: change prorated for {1} of {2} days", "Unused part of the period {0} to {1}", "Prepaid credit {0} (minor units)", "{0} {1} credits",
        new Dictionary<string, string>(), DocumentLanguages.English);

    public static readonly LineWords French = new(
        "mois", "an", "{0} {1}, {2} contacts, 1 {3}", "{0} {1}, 1 {2}", "Sièges supplémentaires, 1 {0}", "{0}, 1 {1}",
        "{0} : changement au prorata de {1} jours sur {2}", "Partie non utilisée de la période du {0} au {1}",
        "Crédit prépayé de {0}", "{0} crédits {1}",
        new Dictionary<string, string> { [CreditKinds.Sms] = "SMS", [CreditKinds.Compatibility] = "de compatibilité" }, DocumentLanguages.French);

    public static readonly LineWords German = new(
        "Monat", "Jahr", "{0} {1}, {2} Kontakte, 1 {3}", "{0} {1}, 1 {2}", "Zusätzliche Plätze, 1 {0}", "{0}, 1 {1}",
        "{0}: Änderung anteilig für {1} von {2} Tagen", "Ungenutzter Teil des Zeitraums {0} bis {1}",
        "Prepaid-Guthaben von {0}", "{0} {1}-Guthaben",
        new Dictionary<string, string> { [CreditKinds.Sms] = "SMS", [CreditKinds.Compatibility] = "Kompatibilitäts" }, DocumentLanguages.German);

    public static readonly LineWords Italian = new(
        "mese", "anno", "{0} {1}, {2} contatti, 1 {3}", "{0} {1}, 1 {2}", "Postazioni aggiuntive, 1 {0}", "{0}, 1 {1}",
        "{0}: modifica proporzionale per {1} giorni su {2}", "Parte non utilizzata del periodo dal {0} al {1}",
        "Credito prepagato di {0}", "{0} crediti {1}",
        new Dictionary<string, string> { [CreditKinds.Sms] = "SMS", [CreditKinds.Compatibility] = "di compatibilità" }, DocumentLanguages.Italian);

    public static LineWords For(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => French,
        InvoiceLanguages.German => German,
        InvoiceLanguages.Italian => Italian,
        _ => English,
    };

    public string Period(bool annual) => annual ? Year : Month;

    public string Count(long count) => DocumentFormat.Count(count, Labels);

    public string Date(DateOnly date) => DocumentFormat.Date(date, Labels);

    /// <summary>
    /// A pack of <paramref name="pack"/> credits of a kind. Prepaid credit counts minor units of the currency, written as money
    /// in every language but English, whose words the API has always carried ("Prepaid credit 5000 (minor units)").
    /// </summary>
    public string CreditPack(string kind, long pack, string currency) => kind == CreditKinds.Prepaid
        ? string.Format(CultureInfo.InvariantCulture, PrepaidPack, ReferenceEquals(this, English) ? pack.ToString(CultureInfo.InvariantCulture) : DocumentFormat.Money(pack, currency, Labels))
        : string.Format(CultureInfo.InvariantCulture, Pack, pack, KindNames.GetValueOrDefault(kind, kind));
}
