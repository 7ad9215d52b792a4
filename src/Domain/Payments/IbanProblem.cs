namespace Portal.Domain.Payments;

/// <summary>Why a text is not an IBAN, so the form can say what to fix.</summary>
public enum IbanProblem
{
    None,
    Missing,
    /// <summary>Only digits, as long as a payment card number: card numbers are never accepted.</summary>
    LooksLikeCardNumber,
    InvalidCharacters,
    UnknownCountry,
    WrongLength,
    WrongCheckDigits,
}
