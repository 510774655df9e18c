-- An instance administrator governs what the whole platform shares (the authorities directory, organisations,
-- federation partners); an organisation administrator governs their organisation only.
alter table staff_user drop constraint staff_user_role_check;
alter table staff_user add constraint staff_user_role_check
    check (role in ('analyst', 'lead', 'admin', 'instance-admin', 'authority'));
