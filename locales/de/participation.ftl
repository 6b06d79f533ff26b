# Deutsch — taking part: buttons, answer forms, notices, posting errors.
