{% snapshot snp_soscare__cp_registrations %}
{#-
    Child protection registrations: SCD type 2 history across extract releases, one row per
    version of each record (a registration closed by a de-registration date gives a second version).
    Business key `snapshot_key` = soscare_id:seq_no (see the doc block
    `snapshot_business_key`); records without either are not tracked.
-#}
{%- set tracked = [
        'hcn',
        'hcn_issue',
        'team',
        'trust',
        'registration_date',
        'registration_date_issue',
        'abuse_type_1',
        'abuse_type_2',
        'abuse_type_3',
        'abuse_type_4',
        'registration_reason',
        'deregistration_date',
        'deregistration_date_issue',
        'deregistration_reason',
] -%}

    {{ config(check_cols=tracked + ['key_records']) }}

    {{ snapshot_by_business_key(ref('stg_soscare__cp_registrations'), tracked) }}

{% endsnapshot %}
