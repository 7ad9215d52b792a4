namespace Portal.Application.Webhooks;

/// <summary>
/// Makes a webhook's signing secret and keeps it encrypted: the signature needs the secret itself, so it is stored
/// recoverably, under a key ring a copy of the database alone can't open.
/// </summary>
public interface IWebhookSecrets
{
    /// <summary>A new random secret, encrypted for storage.</summary>
    string CreateProtected();

    string Reveal(string protectedSecret);
}
