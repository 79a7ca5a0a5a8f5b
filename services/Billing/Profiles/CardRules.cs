using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Profiles;

/// <summary>Card field rules (Luhn, expiry, CVC); messages never echo the number.</summary>
public static class CardRules
{
    /// <summary>The number as typed, without the spaces and dashes people put in it.</summary>
    public static string Digits(string? number) => new((number ?? "").Where(c => c != ' ' && c != '-').ToArray());

    public static void Check(CardRequest card, DateTimeOffset now, ValidationErrors errors)
    {
        var number = Digits(card.Number);
        errors.When(number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit) || !PassesLuhn(number), "card.number", "card.number is not a valid card number.");
        errors.When(card.ExpMonth is null or < 1 or > 12, "card.exp_month", "card.exp_month must be 1 to 12.");
        errors.When(card.ExpYear is null or < 2000 or > 2100, "card.exp_year", "card.exp_year must be a four-digit year.");
        if (card.ExpMonth is >= 1 and <= 12 && card.ExpYear is >= 2000 and <= 2100)
        {
            var lastValidDay = new DateTime(card.ExpYear.Value, card.ExpMonth.Value, 1).AddMonths(1);
            errors.When(lastValidDay <= now.UtcDateTime, "card.exp_month", "The card has expired.");
        }
        errors.When(card.Cvc is null || card.Cvc.Length is < 3 or > 4 || !card.Cvc.All(char.IsAsciiDigit), "card.cvc", "card.cvc must be 3 or 4 digits.");
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
