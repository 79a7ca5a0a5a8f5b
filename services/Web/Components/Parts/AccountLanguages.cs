namespace Reseller.Web.Components.Parts;

/// <summary>The account languages the API accepts, each named in itself, as every language choice of the dashboard shows it.</summary>
public static class AccountLanguages
{
    public static readonly IReadOnlyList<(string Tag, string Name)> All =
        [("en", "English"), ("fr", "Français"), ("de", "Deutsch"), ("it", "Italiano"), ("es", "Español"), ("pt", "Português"), ("nl", "Nederlands"), ("zh", "中文")];

    public static string NameOf(string tag) => All.FirstOrDefault(l => l.Tag == tag).Name ?? tag;
}
