using System.Text.RegularExpressions;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Customization;

/// <summary>Validates branding and templates, naming every bad field in one answer.</summary>
public static partial class CustomizationRules
{
    public const int MaxTemplates = 50;
    public const int MaxTags = 20;
    public const int MaxColors = 12;
    public const int MaxHtmlLength = 200_000;

    public static Branding ToBranding(this ValidationErrors errors, BrandingRequest? request)
    {
        if (request is null)
        {
            return Branding.None;
        }
        errors.When(request.AppName is { Length: > 100 }, "branding.app_name", "app_name must be at most 100 characters.");
        errors.When(request.LogoUrl is not null && !IsHttpsUrl(request.LogoUrl), "branding.logo_url", "logo_url must be an absolute https URL of at most 2048 characters.");
        errors.When(request.Footer is { Length: > 2000 }, "branding.footer", "footer must be at most 2000 characters.");
        var colors = request.Colors ?? new Dictionary<string, string>();
        errors.When(colors.Count > MaxColors, "branding.colors", $"colors may hold at most {MaxColors} entries.");
        foreach (var (name, value) in colors.Take(MaxColors + 1))
        {
            errors.When(!ColorName().IsMatch(name), "branding.colors", $"colour name '{Clip(name)}' must be 1–30 of a–z, 0–9 and _.");
            errors.When(value is null || !HexColor().IsMatch(value), "branding.colors", $"colour '{Clip(name)}' must be #rrggbb.");
        }
        return new Branding(request.AppName?.Trim(), request.LogoUrl, request.Colors is null ? null : colors.ToDictionary(c => c.Key, c => c.Value?.ToLowerInvariant() ?? ""), request.Footer);
    }

    public static List<Template> ToTemplates(this ValidationErrors errors, IReadOnlyList<TemplateRequest?>? requests)
    {
        var templates = new List<Template>();
        if (requests is null)
        {
            return templates;
        }
        errors.When(requests.Count > MaxTemplates, "templates", $"at most {MaxTemplates} templates.");
        for (var i = 0; i < Math.Min(requests.Count, MaxTemplates); i++)
        {
            var field = $"templates[{i}]";
            if (requests[i] is not { } t)
            {
                errors.Add(field, "a template is required.");
                continue;
            }
            errors.RequireText($"{field}.name", t.Name, 100).RequireText($"{field}.html", t.Html, MaxHtmlLength);
            var tags = t.Tags ?? [];
            errors.When(tags.Count > MaxTags, $"{field}.tags", $"at most {MaxTags} tags.");
            errors.When(tags.Any(tag => string.IsNullOrWhiteSpace(tag) || tag.Length > 50), $"{field}.tags", "each tag must be 1–50 characters.");
            templates.Add(new Template(t.Name?.Trim() ?? "", tags.Select(tag => tag?.Trim() ?? "").ToList(), t.Html ?? ""));
        }
        errors.When(templates.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Key.Length > 0 && g.Count() > 1), "templates", "template names must be unique.");
        return templates;
    }

    private static bool IsHttpsUrl(string value) =>
        value.Length <= 2048 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static string Clip(string? value) => value is null ? "" : value.Length > 30 ? value[..30] + "…" : value;

    [GeneratedRegex("^[a-z0-9_]{1,30}$")]
    private static partial Regex ColorName();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
