using System.Web;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>A link we mail or hand out: a dashboard page at the public address, its one-time token in the query string.</summary>
public static class DashboardLink
{
    public static string TokenOf(string url) =>
        HttpUtility.ParseQueryString(new Uri(url).Query)["token"] ?? throw new InvalidOperationException($"No token in the link {url}.");

    /// <summary>Asserts the link opens <paramref name="path"/> at the system's public address (the gateway); returns its token.</summary>
    public static string AssertPage(string url, string path, HttpClient gateway)
    {
        var uri = new Uri(url);
        Assert.Equal(gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority));
        Assert.Equal(path, uri.AbsolutePath);
        return TokenOf(url);
    }
}
