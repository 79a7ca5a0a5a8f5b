namespace Reseller.Web.Localization;

/// <summary>The marker of the dashboard's one resource set: Texts.resx (English) and Texts.fr.resx (French).</summary>
public sealed class Texts;
