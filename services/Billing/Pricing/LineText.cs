using System.Globalization;
using System.Text.Json.Serialization;

using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.Pricing;

/// <summary>
/// What a price line is for, apart from its words: an invoice says it in the invoice's language when it is issued
/// (<see cref="LineWords"/>), where a quote or a price in the API says it in English. An invoice line keeps it
/// (<see cref="LineTextJson"/>), so a line issued again to another payer says it in that payer's language.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Written), "written")]
[JsonDerivedType(typeof(Plan), "plan")]
[JsonDerivedType(typeof(ExtraSeats), "extra_seats")]
[JsonDerivedType(typeof(AddOn), "add_on")]
[JsonDerivedType(typeof(Prorated), "prorated")]
[JsonDerivedType(typeof(UnusedPeriod), "unused_period")]
[JsonDerivedType(typeof(CreditPack), "credit_pack")]
public abstract record LineText
{
    public abstract string Say(LineWords words);

    public string In(string language) => Say(LineWords.For(language));

    /// <summary>Words written once, said the same in every language.</summary>
    public sealed record Written(string Words) : LineText
    {
        public override string Say(LineWords words) => Words;
    }

    /// <summary>A plan's line: priced by contacts (their number said) or per user.</summary>
    public sealed record Plan(string Product, string Tier, long? Contacts, bool Annual) : LineText
    {
        public override string Say(LineWords words) => Contacts is { } contacts
            ? string.Format(CultureInfo.InvariantCulture, words.PlanWithContacts, Product, Tier, words.Count(contacts), words.Period(Annual))
            : string.Format(CultureInfo.InvariantCulture, words.PlanPerUser, Product, Tier, words.Period(Annual));
    }

    public sealed record ExtraSeats(bool Annual) : LineText
    {
        public override string Say(LineWords words) => string.Format(CultureInfo.InvariantCulture, words.ExtraSeats, words.Period(Annual));
    }

    /// <summary>An add-on, by its catalog name (a product's own name for it, as the plan's is).</summary>
    public sealed record AddOn(string Name, bool Annual) : LineText
    {
        public override string Say(LineWords words) => string.Format(CultureInfo.InvariantCulture, words.AddOn, Name, words.Period(Annual));
    }

    /// <summary>What a change adds to a line of the plan for the rest of the period.</summary>
    public sealed record Prorated(LineText Changed, int Remaining, int Days) : LineText
    {
        public override string Say(LineWords words) => string.Format(CultureInfo.InvariantCulture, words.Prorated, Changed.Say(words), Remaining, Days);
    }

    /// <summary>The credit of what was paid and is not used, when a new cadence starts a new period.</summary>
    public sealed record UnusedPeriod(DateOnly Start, DateOnly End) : LineText
    {
        public override string Say(LineWords words) => string.Format(CultureInfo.InvariantCulture, words.UnusedPeriod, words.Date(Start), words.Date(End));
    }

    /// <summary>A credit pack: prepaid credit counts minor units of the currency, the other kinds credits.</summary>
    public sealed record CreditPack(string Kind, long Pack, string Currency) : LineText
    {
        public override string Say(LineWords words) => words.CreditPack(Kind, Pack, Currency);
    }
}
