"""{{title}}: {{description}}"""
