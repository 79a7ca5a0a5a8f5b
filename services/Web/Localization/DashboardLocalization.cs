using System.Globalization;

using Microsoft.AspNetCore.Localization;

namespace Reseller.Web.Localization;

public static class DashboardLocalization
{
    public static readonly IReadOnlyList<string> Cultures = ["en", "fr"];

    /// <summary>The user's choice (culture cookie) first, else the browser's Accept-Language, else English.</summary>
    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var supported = Cultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = supported;
            options.SupportedUICultures = supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
