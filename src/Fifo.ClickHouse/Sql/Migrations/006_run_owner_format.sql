-- A run's owner now names its process by boot id and pid namespace, and its start in clock ticks since boot
-- (Fifo.Core.Hosting.ProcessIdentity), so that a clock step, a short host name two machines share or a container is
-- never taken for a dead process. Owners written in the old form read as dead: such a run shows as Interrupted.
ALTER TABLE {{Runs}} COMMENT COLUMN owner 'host/scope/pid/start ticks/segment of the process executing the run (Fifo.Core.Hosting.ProcessIdentity, Fifo.Backfill.Runs.RunOwner)';
