using PdfSharp.Fonts;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>
/// PDFsharp's fonts: DejaVu Sans (regular and bold), shipped inside this assembly (Fonts/LICENSE.txt), embedded as a
/// subset in each PDF, so any Unicode name ("Agence Étoile", "Müller", "Società") prints the same on every machine.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Installing = new();

    /// <summary>Makes these fonts PDFsharp's (once per process: PDFsharp refuses another resolver after its first use).</summary>
    public static void Install()
    {
        lock (Installing)
        {
            if (GlobalFontSettings.FontResolver is not DocumentFonts)
            {
                GlobalFontSettings.FontResolver = new DocumentFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"Reseller.Billing.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
