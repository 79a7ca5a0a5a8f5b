namespace Reseller.Billing.Invoices;

/// <summary>
/// CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such
/// a cell gets a leading apostrophe and is shown as text. Whole numbers (a negative amount) stay numbers.
/// </summary>
public static class CsvCells
{
    public static string Neutralise(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsWholeNumber(field) ? "'" + field : field;

    private static bool IsWholeNumber(string field) => long.TryParse(field, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
}
