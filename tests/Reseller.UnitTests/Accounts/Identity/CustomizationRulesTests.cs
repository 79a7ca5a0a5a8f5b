using Reseller.Accounts.Customization;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Accounts.Identity;

public sealed class CustomizationRulesTests
{
    [Fact]
    public void Valid_branding_is_kept_with_colours_in_lower_case()
    {
        var errors = new ValidationErrors();
        var branding = errors.ToBranding(new BrandingRequest("App", "https://cdn.test/logo.png", new Dictionary<string, string> { ["primary"] = "#AABBCC" }, "Footer"));

        Assert.True(errors.IsEmpty);
        Assert.Equal("#aabbcc", branding.Colors!["primary"]);
    }

    [Theory]
    [InlineData("http://cdn.test/logo.png")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    public void A_logo_must_be_an_https_url(string url)
    {
        var errors = new ValidationErrors();
        errors.ToBranding(new BrandingRequest(null, url, null, null));

        Assert.True(errors.Has("branding.logo_url"));
    }

    [Fact]
    public void Colours_must_be_named_and_hex()
    {
        var errors = new ValidationErrors();
        errors.ToBranding(new BrandingRequest(null, null, new Dictionary<string, string> { ["Bad Name"] = "#000000", ["ok"] = "red" }, null));

        Assert.True(errors.Has("branding.colors"));
    }

    [Fact]
    public void Templates_need_a_unique_name_and_html()
    {
        var errors = new ValidationErrors();
        errors.ToTemplates([new TemplateRequest("Welcome", ["a"], "<p/>"), new TemplateRequest("welcome", null, "<p/>"), new TemplateRequest("", null, "")]);

        Assert.True(errors.Has("templates"));
        Assert.True(errors.Has("templates[2].name"));
        Assert.True(errors.Has("templates[2].html"));
        Assert.False(errors.Has("templates[0].name"));
    }

    [Fact]
    public void No_branding_and_no_templates_is_valid()
    {
        var errors = new ValidationErrors();

        Assert.Same(Branding.None, errors.ToBranding(null));
        Assert.Empty(errors.ToTemplates(null));
        Assert.True(errors.IsEmpty);
    }
}
