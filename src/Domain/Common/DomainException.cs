namespace Portal.Domain.Common;

/// <summary>
/// A business rule refused a move. <see cref="Message"/> is the English text, which is also the
/// localization key the web layer translates; <see cref="Code"/> is stable for tests and logs.
/// </summary>
public sealed class DomainException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
    public string Code => Error.Code;
}
