using System.Diagnostics;

namespace Reseller.UnitTests.Billing.Documents;

/// <summary>Runs poppler-utils (pdftotext, pdftoppm; installed by scripts/prerequisites.sh) on a rendered PDF.</summary>
public static class Poppler
{
    /// <summary>The repository's TestResults/invoices folder, where the rendered documents are kept to be looked at.</summary>
    public static string ResultsFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Reseller.sln")))
            {
                folder = folder.Parent;
            }
            var results = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "TestResults", "invoices");
            Directory.CreateDirectory(results);
            return results;
        }
    }

    /// <summary>Writes the PDF under TestResults/invoices/{name}.pdf and answers its text, as pdftotext reads it.</summary>
    public static string Text(byte[] pdf, string name)
    {
        var path = Path.Combine(ResultsFolder, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        return Run("pdftotext", "-layout", "-enc", "UTF-8", path, "-");
    }

    /// <summary>Renders the PDF's first page to TestResults/invoices/{name}.png; fails on any error or warning of pdftoppm.</summary>
    public static string Png(byte[] pdf, string name)
    {
        var path = Path.Combine(ResultsFolder, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        Run("pdftoppm", "-png", "-r", "100", "-singlefile", path, Path.Combine(ResultsFolder, name));
        return Path.Combine(ResultsFolder, name + ".png");
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && errors.Result.Length == 0, $"{tool} exited with {process.ExitCode}: {errors.Result}");
        return output;
    }
}
