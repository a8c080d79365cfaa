"""Migration: seed other systems from planparse output (PostgreSQL, a Frictionless data
package, Kolada KPI links, Kausal Watch, Stratsys)."""
