using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>An invoice or credit note as an A4 PDF (PDFsharp), in DejaVu Sans embedded; lines flow onto further pages.</summary>
public static class InvoicePdf
{
    private const double Left = 50;
    private const double Right = 545;
    private const double Bottom = 770;
    private static readonly XFont Text = Font(9, bold: false);
    private static readonly XFont Strong = Font(9, bold: true);
    private static readonly XFont Title = Font(18, bold: true);
    private static readonly XFont Small = Font(7.5, bold: false);

    // Lines table: description, then quantity, unit price, discount and amount right-aligned at these right edges.
    private static readonly double[] NumberColumns = [330, 415, 480, Right];

    public static byte[] Render(InvoiceDocument d)
    {
        using var document = new PdfDocument();
        document.Info.Title = d.Title;
        document.Info.Author = d.Issuer.Name;
        var canvas = new Canvas(document, d);
        canvas.Head();
        canvas.Parties();
        canvas.Lines();
        canvas.Totals();
        canvas.Notes();
        canvas.Finish();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static XFont Font(double size, bool bold)
    {
        DocumentFonts.Install();
        return new XFont(DocumentFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
    }

    /// <summary>Writes top to bottom, starting a new page (with the document's title) when the next block would not fit.</summary>
    private sealed class Canvas(PdfDocument document, InvoiceDocument d)
    {
        private readonly DocumentLabels labels = d.Labels;
        private readonly List<XGraphics> pages = [];
        private XGraphics gfx = null!;
        private double y;

        public void Head()
        {
            NewPage();
            if (d.Branding.Logo is { } logo)
            {
                using var stream = new MemoryStream(logo);
                using var image = XImage.FromStream(stream);
                var scale = Math.Min(150 / image.PointWidth, 50 / image.PointHeight);
                gfx.DrawImage(image, Right - (image.PointWidth * scale), 40, image.PointWidth * scale, image.PointHeight * scale);
            }
            gfx.DrawString(d.Title, Title, XBrushes.Black, new XPoint(Left, 62));
            y = 80;
            if (d.Kind == DocumentKind.CreditNote)
            {
                WriteLine(DocumentFormat.Label(labels.RefersToInvoice, d.InvoiceNumber ?? ""), Strong);
            }
            y += 6;
            foreach (var (_, label, value) in DocumentRows.Heading(d))
            {
                gfx.DrawString(label, Strong, XBrushes.Black, new XPoint(Left, y + 9));
                gfx.DrawString(value, Text, XBrushes.Black, new XPoint(Left + 110, y + 9));
                y += 13;
            }
            y += 14;
        }

        public void Parties()
        {
            var issuer = DocumentRows.Party(d.Issuer, labels);
            var billTo = DocumentRows.Party(d.BillTo, labels);
            var top = y;
            Column(labels.Issuer, issuer, Left, top);
            Column(labels.BillTo, billTo, 310, top);
            y = top + (13 * (Math.Max(issuer.Count, billTo.Count) + 1)) + 16;
        }

        public void Lines()
        {
            Header();
            foreach (var line in d.Lines)
            {
                var wrapped = Wrap(line.Description, Text, NumberColumns[0] - 45 - Left);
                Need(13 * wrapped.Count, header: true);
                for (var i = 0; i < wrapped.Count; i++)
                {
                    gfx.DrawString(wrapped[i], Text, XBrushes.Black, new XPoint(Left, y + 9 + (13 * i)));
                }
                string[] numbers = [line.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), M(line.UnitAmount), M(line.Discount), M(line.Total)];
                for (var c = 0; c < numbers.Length; c++)
                {
                    RightAligned(numbers[c], Text, NumberColumns[c], y + 9);
                }
                y += 13 * wrapped.Count;
                gfx.DrawLine(XPens.LightGray, Left, y + 2, Right, y + 2);
                y += 5;
            }
            y += 10;
        }

        public void Totals()
        {
            var rows = DocumentRows.Totals(d);
            Need(15 * rows.Count);
            foreach (var (key, label, amount) in rows)
            {
                var font = key is "total" or "amount_due" ? Strong : Text;
                gfx.DrawString(label, font, XBrushes.Black, new XPoint(290, y + 9));
                RightAligned(M(amount) + " " + d.Currency, font, Right, y + 9);
                y += 15;
            }
            y += 8;
        }

        public void Notes()
        {
            if (d.ReverseCharge)
            {
                Paragraph(labels.ReverseCharge, Strong);
            }
            if (d.PrepaidCreditPack)
            {
                Paragraph(labels.PrepaidCreditUntaxed, Strong);
            }
            if (d.Reason is { } reason)
            {
                Paragraph(labels.Reason + labels.Colon + reason, Text);
            }
            if (d.CreditNotes.Count > 0)
            {
                Paragraph(labels.CreditNotes, Strong);
                foreach (var note in d.CreditNotes)
                {
                    Paragraph($"{note.Number} ({DocumentFormat.Date(note.IssueDate, labels)}){labels.Colon}{M(note.Amount)} {d.Currency}, {note.Reason}", Text);
                }
            }
        }

        /// <summary>The footer and page numbers go on every page once the page count is known.</summary>
        public void Finish()
        {
            var footer = DocumentRows.Footer(d);
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var line = 800.0;
                foreach (var text in footer)
                {
                    page.DrawString(text, Small, XBrushes.DimGray, new XRect(Left, line, Right - Left, 10), XStringFormats.TopCenter);
                    line += 10;
                }
                if (pages.Count > 1)
                {
                    page.DrawString($"{i + 1}/{pages.Count}", Small, XBrushes.DimGray, new XRect(Left, 820, Right - Left, 10), XStringFormats.TopRight);
                }
                page.Dispose();
            }
        }

        private void NewPage()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            pages.Add(gfx);
            y = 50;
            if (pages.Count > 1)
            {
                gfx.DrawString(d.Title, Strong, XBrushes.Black, new XPoint(Left, y + 9));
                y += 24;
            }
        }

        private void Need(double height, bool header = false)
        {
            if (y + height <= Bottom)
            {
                return;
            }
            NewPage();
            if (header)
            {
                Header();
            }
        }

        private void Header()
        {
            Need(20);
            gfx.DrawString(labels.Description, Strong, XBrushes.Black, new XPoint(Left, y + 9));
            string[] titles = [labels.Quantity, labels.UnitPrice, labels.Discount, labels.Amount];
            for (var c = 0; c < titles.Length; c++)
            {
                RightAligned(titles[c], Strong, NumberColumns[c], y + 9);
            }
            y += 13;
            gfx.DrawLine(XPens.Gray, Left, y, Right, y);
            y += 4;
        }

        private void Column(string title, IReadOnlyList<string> lines, double x, double top)
        {
            gfx.DrawString(title, Strong, XBrushes.Black, new XPoint(x, top + 9));
            for (var i = 0; i < lines.Count; i++)
            {
                gfx.DrawString(lines[i], Text, XBrushes.Black, new XPoint(x, top + 9 + (13 * (i + 1))));
            }
        }

        private void WriteLine(string text, XFont font)
        {
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(Left, y + 9));
            y += 13;
        }

        private void Paragraph(string text, XFont font)
        {
            var lines = Wrap(text, font, Right - Left);
            Need(13 * lines.Count);
            foreach (var line in lines)
            {
                WriteLine(line, font);
            }
            y += 4;
        }

        private void RightAligned(string text, XFont font, double right, double baseline) =>
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(right - gfx.MeasureString(text, font).Width, baseline));

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }
            lines.Add(current);
            return lines;
        }

        private string M(long amount) => DocumentFormat.Amount(amount, labels);
    }
}
