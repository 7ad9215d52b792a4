namespace Portal.Application.Contacts;

/// <summary>What became of the outbox mail that carries invitations, for filters on contacts.</summary>
public interface IInvitationMailOutcomes
{
    /// <summary>The outbox mails the dispatcher gave up on, as a query on the list's own database context (a subquery there).</summary>
    IQueryable<Guid> FailedMailIds();
}
