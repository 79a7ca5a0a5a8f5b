using System.Text.RegularExpressions;

namespace Reseller.WebTests.Flows;

/// <summary>What a person reads and clicks in the paid-account flow, in one language, and how money and dates look there.</summary>
public sealed record PaidAccountTexts(
    string Language,
    string Dashboard,
    string EmailLabel,
    string PasswordLabel,
    string SignIn,
    string CardName,
    string CardNumber,
    string ExpiryMonth,
    string ExpiryYear,
    string ExpiryMissing,
    string SecurityCode,
    string AddCard,
    string CardAdded,
    string Tier,
    string AccountName,
    string ClientName,
    string ClientEmail,
    string NotificationEmail,
    string CreateAccount,
    string CreatedPrefix,
    string Active,
    string OpenAccount,
    string InvoicePrefix,
    string DownloadPdf,
    string Invoices,
    string AuditTrail,
    string AccountCreated,
    string You,
    string AccountLanguage,
    string AdminRole,
    Regex MoneyFormat,
    Regex DateFormat)
{
    public static readonly PaidAccountTexts English = new(
        "en-US", "Dashboard", "E-mail", "Password", "Sign in", "Name on the card", "Card number", "Expiry month", "Expiry year",
        "Enter the expiry month and year printed on the card.", "Security code", "Add the card",
        "Card ending in 4242 added.", "Tier", "Account name", "Customer’s name", "Customer’s e-mail", "Notification e-mail", "Create the account",
        "Account ", "Active", "Open the account", "Invoice ", "Download the PDF", "Invoices", "Audit trail", "Account created", "You", "English",
        "Administrator",
        new Regex(@"^\$\d{1,3}(,\d{3})*\.\d{2}$"), new Regex(@"\b\d{1,2}/\d{1,2}/\d{4}\b"));

    public static readonly PaidAccountTexts French = new(
        "fr-FR", "Tableau de bord", "E-mail", "Mot de passe", "Se connecter", "Nom sur la carte", "Numéro de carte", "Mois d'expiration",
        "Année d'expiration", "Indiquez le mois et l’année d’expiration inscrits sur la carte.", "Cryptogramme", "Ajouter la carte",
        "Carte se terminant par 4242 ajoutée.", "Niveau", "Nom du compte", "Nom du client", "E-mail du client",
        "E-mail de notification", "Créer le compte", "Compte ", "Actif", "Ouvrir le compte", "Facture ", "Télécharger le PDF", "Factures",
        "Journal d’audit", "Compte créé", "Vous", "Français", "Administrateur",
        new Regex(@"^\d{1,3}(\s\d{3})*,\d{2}\s\$$"), new Regex(@"\b\d{2}/\d{2}/\d{4}\b"));
}
