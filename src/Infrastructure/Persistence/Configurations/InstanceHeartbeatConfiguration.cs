using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class InstanceHeartbeatConfiguration : IEntityTypeConfiguration<InstanceHeartbeat>
{
    public void Configure(EntityTypeBuilder<InstanceHeartbeat> builder)
    {
        builder.ToTable("InstanceHeartbeats");
        builder.HasKey(h => h.ProcessId);
        builder.Property(h => h.ProcessId).ValueGeneratedNever();
        builder.Property(h => h.Name).HasMaxLength(InstanceName.MaxLength).IsRequired();
        builder.HasIndex(h => new { h.Name, h.LastSeenAt });
    }
}
