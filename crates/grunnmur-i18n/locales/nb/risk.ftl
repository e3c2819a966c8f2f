# Risk assessments and final reports.
