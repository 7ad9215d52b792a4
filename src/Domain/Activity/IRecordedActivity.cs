using Portal.Domain.Common;

namespace Portal.Domain.Activity;

/// <summary>A domain event that also belongs in the activity list; the unit of work writes it with the change.</summary>
public interface IRecordedActivity : IDomainEvent
{
    ActivityEntry ToActivity(int? actorUserId);
}
